package org.mlcouncil.council;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.council.CouncilVote.Decision;
import org.springframework.stereotype.Component;

/**
 * Runs when the ML Review takes up the item, in the meeting's own transaction: publishes the
 * votes ({@code councilVotes}); unanimous votes that reach the quorum decide the item; anything
 * else leaves the decision to the chair ({@code councilDecision} stays unset).
 */
@Component("applyCouncilVotes")
public class ApplyCouncilVotes implements JavaDelegate {

  private final CouncilTally councilTally;
  private final CouncilSettings settings;

  public ApplyCouncilVotes(CouncilTally councilTally, CouncilSettings settings) {
    this.councilTally = councilTally;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    councilTally.publish(execution);
    List<CouncilVote> votes = councilTally.of(execution);
    @SuppressWarnings("unchecked")
    int eligible = ((List<String>) execution.getVariable("voters")).size();
    Decision decision = CouncilTally.unanimousDecision(votes, settings.quorum(eligible));
    if (decision == null) {
      execution.setVariable("councilDecision", null);
      execution.setVariable("councilRationale", votes.size() < settings.quorum(eligible)
          ? "Only " + votes.size() + " of " + eligible + " members voted; the chair decides."
          : "The council disagreed; the chair decides.");
      return;
    }
    execution.setVariable("councilDecision", decision.processValue());
    execution.setVariable("councilRationale", "Unanimous vote of " + votes.size() + " council members: "
        + decision.label() + ".");
    execution.setVariable("decidedBy", "ML Council");
  }
}
