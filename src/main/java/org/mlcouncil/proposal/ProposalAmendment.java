package org.mlcouncil.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.review.PodReviewTally;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of "Amend proposal": the amended proposal passes the same
 * validation as a new one, or the task stays open with a message naming the fields. A fresh
 * round of pod reviews follows, so earlier reviews are cleared; what the proposer changed is kept
 * for the next reviewers with what they had asked for ({@code proposalChanges}, {@code askedLastRound}).
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
    VariableScope process = task.getExecution().getProcessInstance();
    Proposal before = proposals.lastStored(process);
    proposals.store(process, proposal);
    // For the next round's reviewers: what they asked for (the task's own input) and what changed, field by field.
    process.setVariable("askedLastRound", task.getVariable("amendmentReasons"));
    process.setVariable("proposalChanges", before == null ? null : ProposalChanges.between(before, proposal));
    podReviewTally.clear(task.getExecution().getProcessInstance());
  }
}
