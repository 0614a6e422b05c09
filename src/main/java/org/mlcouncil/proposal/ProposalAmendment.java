package org.mlcouncil.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mlcouncil.review.PodReviewTally;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of "Amend proposal": the amended proposal passes the same
 * validation as a new one, or the task stays open with a message naming the fields. A fresh
 * round of pod reviews follows, so earlier reviews are cleared.
 */
@Component("proposalAmendment")
public class ProposalAmendment implements TaskListener {

  private final ProposalVariables proposals;
  private final PodReviewTally podReviewTally;

  public ProposalAmendment(ProposalVariables proposals, PodReviewTally podReviewTally) {
    this.proposals = proposals;
    this.podReviewTally = podReviewTally;
  }

  @Override
  public void notify(DelegateTask task) {
    Proposal proposal = proposals.read(task.getVariables());
    proposals.store(task.getExecution().getProcessInstance(), proposal);
    podReviewTally.clear(task.getExecution().getProcessInstance());
  }
}
