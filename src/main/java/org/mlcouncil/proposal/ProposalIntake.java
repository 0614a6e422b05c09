package org.mlcouncil.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mlcouncil.platform.BusinessKeys;
import org.mlcouncil.platform.Initiator;
import org.mlcouncil.review.PodReviewTally;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code ml-proposal}. It runs inside the start command, so a refused
 * submission rolls the whole start back: the caller gets a 400 naming the fields and no
 * process instance remains.
 */
@Component("proposalIntake")
public class ProposalIntake implements ExecutionListener {

  static final String KEY_PREFIX = "MLP";

  private final ProposalVariables proposals;
  private final BusinessKeys businessKeys;
  private final PodReviewTally podReviewTally;
  private final Initiator initiator;

  public ProposalIntake(ProposalVariables proposals, BusinessKeys businessKeys, PodReviewTally podReviewTally,
                        Initiator initiator) {
    this.proposals = proposals;
    this.businessKeys = businessKeys;
    this.podReviewTally = podReviewTally;
    this.initiator = initiator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    initiator.enforce(execution);
    Proposal proposal = proposals.read(execution);
    proposals.store(execution, proposal);
    podReviewTally.clear(execution);
    // Declared up front: "Who reviews next?" asks whether the council sent the proposal back.
    execution.setVariable("councilDecision", null);
    String key = businessKeys.next(KEY_PREFIX);
    execution.setProcessBusinessKey(key);
    // Forms show the key in their heading (Tasklist gives a form the variables, not the business key).
    execution.setVariable("itemId", key);
  }
}
