package org.mlcouncil.meeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.mlcouncil.council.CouncilSettings;
import org.mlcouncil.council.CouncilTally;
import org.mlcouncil.council.CouncilVote;
import org.springframework.stereotype.Component;

/** Finds what awaits the council: every council review listening for the next ML Review. */
@Component
public class Agenda {

  /** Message a council review waits for; the meeting correlates it to decide the item. */
  public static final String MEETING_HELD = "MlReviewHeld";
  private static final List<String> ITEM_VARIABLES = List.of("voters", "itemKind", "itemId", "itemTitle", "itemSummary");

  private final RuntimeService runtimeService;
  private final CouncilTally councilTally;
  private final CouncilSettings settings;

  public Agenda(RuntimeService runtimeService, CouncilTally councilTally, CouncilSettings settings) {
    this.runtimeService = runtimeService;
    this.councilTally = councilTally;
    this.settings = settings;
  }

  public List<AgendaItem> awaitingCouncil() {
    List<String> reviewIds = runtimeService.createExecutionQuery()
        .processDefinitionKey("council-review")
        .messageEventSubscriptionName(MEETING_HELD)
        .list().stream()
        .map(Execution::getProcessInstanceId)
        .distinct()
        .toList();
    return items(reviewIds).values().stream().sorted(Comparator.comparing(AgendaItem::itemId)).toList();
  }

  /**
   * The items of these council reviews as they stand now, with the votes cast so far, read in two
   * queries whatever their number: an ML Review of 200 items must not load every variable of every
   * review one by one.
   */
  public Map<String, AgendaItem> items(Collection<String> reviewIds) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    if (!reviewIds.isEmpty()) {
      String[] ids = reviewIds.toArray(String[]::new);
      List<String> names = new ArrayList<>(ITEM_VARIABLES);
      names.addAll(CouncilTally.READS);
      Stream.concat(
              runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
                  .variableNameIn(names.toArray(String[]::new)).list().stream(),
              runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
                  .variableNameLike(CouncilTally.VOTE_PREFIX + "%").list().stream())
          // The review's own variables only, as getVariables(reviewId) would read them.
          .filter(variable -> variable.getProcessInstanceId().equals(variable.getExecutionId()))
          .forEach(variable -> variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(variable.getName(), variable.getValue()));
    }
    Map<String, AgendaItem> items = new LinkedHashMap<>();
    reviewIds.forEach(id -> items.put(id, item(id, variables.getOrDefault(id, Map.of()))));
    return items;
  }

  private AgendaItem item(String reviewId, Map<String, Object> variables) {
    @SuppressWarnings("unchecked")
    List<String> voters = (List<String>) variables.getOrDefault("voters", List.of());
    List<CouncilVote> votes = councilTally.of(variables);
    return new AgendaItem(reviewId, (String) variables.get("itemKind"), (String) variables.get("itemId"),
        (String) variables.get("itemTitle"), (String) variables.get("itemSummary"), voters, votes,
        votes.size() >= settings.quorum(voters.size()));
  }
}
