package org.mlcouncil.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    List<AgendaItem> agenda = json.read(execution, "agenda", HoldMlReview.ITEMS, List.of());
    Map<String, Map<String, Object>> reviews = variablesOf(agenda.stream().map(AgendaItem::reviewId).toList());
    for (AgendaItem item : agenda) {
      Map<String, Object> review = reviews.getOrDefault(item.reviewId(), Map.of());
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

  /**
   * What the notes need of each council review, from history (a decided review has ended), in two
   * queries whatever the number of items: the chair's click closes the meeting.
   */
  private Map<String, Map<String, Object>> variablesOf(List<String> reviewIds) {
    Map<String, Map<String, Object>> reviews = new HashMap<>();
    if (reviewIds.isEmpty()) {
      return reviews;
    }
    String[] ids = reviewIds.toArray(String[]::new);
    List<String> names = new ArrayList<>(List.of("interested", "councilDecision", "councilRationale"));
    names.addAll(CouncilTally.READS);
    Stream.concat(
            historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                .variableNameIn(names.toArray(String[]::new)).disableBinaryFetching().list().stream(),
            historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                .variableNameLike(CouncilTally.VOTE_PREFIX + "%").disableBinaryFetching().list().stream())
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> reviews.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue()));
    return reviews;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object value) {
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }
}
