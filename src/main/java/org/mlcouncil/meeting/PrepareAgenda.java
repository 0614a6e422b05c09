package org.mlcouncil.meeting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Opens an ML Review: names it after its ISO week ({@code MLR-2026-W48}) and lists every item
 * awaiting the council, with the votes so far, for the chair's meeting task. As a task listener
 * on that task's assignment it lists them again, so the chair who takes up the meeting sees the
 * votes cast since it opened and the items that have joined the agenda since.
 */
@Component("prepareAgenda")
public class PrepareAgenda implements JavaDelegate, TaskListener {

  private final Agenda agenda;
  private final HistoryService historyService;
  private final JsonVariables json;

  public PrepareAgenda(Agenda agenda, HistoryService historyService, JsonVariables json) {
    this.agenda = agenda;
    this.historyService = historyService;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String meetingId = meetingId();
    execution.setProcessBusinessKey(meetingId);
    execution.setVariable("meetingId", meetingId);
    writeAgenda(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    writeAgenda(task.getExecution());
  }

  private void writeAgenda(DelegateExecution execution) {
    List<AgendaItem> items = agenda.awaitingCouncil();
    json.write(execution, "agenda", items);
    execution.setVariable("agendaSize", items.size());
    execution.setVariable("agendaSummary", MeetingText.agenda(items));
    json.write(execution, "agendaTable", items.stream().map(AgendaItem::row).toList());
    json.write(execution, "agendaOptions", options(items));
    // Only these need the chair's explicit word to be decided now; the rest are carried over.
    json.write(execution, "agendaOptionsWithoutQuorum", options(items.stream().filter(item -> !item.quorumMet()).toList()));
  }

  private static List<Map<String, String>> options(List<AgendaItem> items) {
    List<Map<String, String>> options = new ArrayList<>();
    items.forEach(item -> options.add(Map.of("label", item.itemId() + " " + item.title(), "value", item.itemId())));
    return options;
  }

  private String meetingId() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    String week = String.format("MLR-%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
        today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    long earlier = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("ml-review-meeting").processInstanceBusinessKeyLike(week + "%").count();
    return earlier == 0 ? week : week + "-" + (earlier + 1);
  }
}
