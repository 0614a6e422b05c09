package org.mlcouncil.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.council.CouncilTally;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Closes an ML Review: records for every agenda item its outcome, decision, votes and comments
 * ({@code meetingRecord}, kept in history) and names everyone the notes go to: the council and
 * every person interested in any item.
 */
@Component("compileMeetingNotes")
public class CompileMeetingNotes implements JavaDelegate {

  private final HistoryService historyService;
  private final CouncilTally councilTally;
  private final JsonVariables json;

  public CompileMeetingNotes(HistoryService historyService, CouncilTally councilTally, JsonVariables json) {
    this.historyService = historyService;
    this.councilTally = councilTally;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> carriedOver = list(execution.getVariable("carriedOver"));
    List<String> withoutQuorum = list(execution.getVariable("decidedWithoutQuorum"));
    Set<String> recipients = new LinkedHashSet<>();
    recipients.add(Recipients.group(Groups.COUNCIL));
    List<MeetingRecord.Item> items = new ArrayList<>();
    for (AgendaItem item : json.read(execution, "agenda", HoldMlReview.ITEMS, List.of())) {
      Map<String, Object> review = variablesOf(item.reviewId());
      recipients.addAll(list(review.get("interested")));
      String decision = (String) review.get("councilDecision");
      String outcome = carriedOver.contains(item.itemId()) ? "carried over"
          : decision != null ? "decided" : "awaiting chair";
      items.add(new MeetingRecord.Item(item.itemId(), item.kind(), item.title(), outcome, decision,
          (String) review.get("councilRationale"), councilTally.of(review),
          withoutQuorum.contains(item.itemId()) ? (String) execution.getVariable("decideNowReason") : null));
    }
    MeetingRecord record = new MeetingRecord((String) execution.getVariable("meetingId"), ClockUtil.getCurrentTime().toInstant(),
        (String) execution.getVariable("chair"), (String) execution.getVariable("attendees"),
        (String) execution.getVariable("chairNotes"), items);
    json.write(execution, "meetingRecord", record);
    execution.setVariable("notesRecipients", new ArrayList<>(recipients));
  }

  private Map<String, Object> variablesOf(String processInstanceId) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .disableBinaryFetching().list().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
            (first, second) -> second));
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }
}
