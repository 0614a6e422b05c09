package org.mlcouncil.meeting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  private final RuntimeService runtimeService;
  private final CouncilTally councilTally;
  private final CouncilSettings settings;

  public Agenda(RuntimeService runtimeService, CouncilTally councilTally, CouncilSettings settings) {
    this.runtimeService = runtimeService;
    this.councilTally = councilTally;
    this.settings = settings;
  }

  public List<AgendaItem> awaitingCouncil() {
    return runtimeService.createExecutionQuery()
        .processDefinitionKey("council-review")
        .messageEventSubscriptionName(MEETING_HELD)
        .list().stream()
        .map(Execution::getProcessInstanceId)
        .distinct()
        .map(this::item)
        .sorted(Comparator.comparing(AgendaItem::itemId))
        .toList();
  }

  /** The item as its council review stands now, with the votes cast so far. */
  public AgendaItem item(String reviewId) {
    Map<String, Object> variables = runtimeService.getVariables(reviewId);
    @SuppressWarnings("unchecked")
    List<String> voters = (List<String>) variables.getOrDefault("voters", List.of());
    List<CouncilVote> votes = councilTally.of(variables);
    return new AgendaItem(reviewId, (String) variables.get("itemKind"), (String) variables.get("itemId"),
        (String) variables.get("itemTitle"), (String) variables.get("itemSummary"), voters, votes,
        votes.size() >= settings.quorum(voters.size()));
  }
}
