package org.mlcouncil.council;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mlcouncil.council.CouncilVote.Decision;
import org.mlcouncil.review.ReviewerIdentity;
import org.springframework.stereotype.Component;

/** Task listener ({@code complete}) of the chair's tie-break: the chair's decision is final. */
@Component("recordTieBreak")
public class RecordTieBreak implements TaskListener {

  static final int MAX_RATIONALE = 5000;

  private final ReviewerIdentity reviewers;

  public RecordTieBreak(ReviewerIdentity reviewers) {
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision decision = Decision.of(task.getVariable("chairDecision"));
    if (decision == null) {
      throw new BadUserRequestException("chairDecision: choose approve, request-changes, reject or recommend-buying");
    }
    String rationale = task.getVariable("chairRationale") == null ? "" : task.getVariable("chairRationale").toString().strip();
    if (rationale.isEmpty()) {
      throw new BadUserRequestException("chairRationale: explain the decision; it goes to everyone interested");
    }
    if (rationale.length() > MAX_RATIONALE) {
      throw new BadUserRequestException("chairRationale: must be at most " + MAX_RATIONALE + " characters");
    }
    String chair = reviewers.actingUser(task);
    task.getExecution().setVariable("councilDecision", decision.processValue());
    task.getExecution().setVariable("councilRationale", rationale + " (decided by the chair, " + chair + ")");
    task.getExecution().setVariable("decidedBy", chair);
  }
}
