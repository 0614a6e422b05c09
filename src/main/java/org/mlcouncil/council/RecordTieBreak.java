package org.mlcouncil.council;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mlcouncil.council.CouncilVote.Decision;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.review.ReviewerIdentity;
import org.springframework.stereotype.Component;

/** Task listener ({@code complete}) of the chair's tie-break: the chair's decision is final. */
@Component("recordTieBreak")
public class RecordTieBreak implements TaskListener {

  /** Leaves room in {@code councilRationale}, a String variable, for who decided. */
  static final int MAX_RATIONALE = TextLimits.STRING_VARIABLE - 200;

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
    Object sent = task.getVariable("chairRationale");
    String rationale = sent == null ? "" : sent.toString().strip();
    if (rationale.isEmpty()) {
      throw new BadUserRequestException("chairRationale: explain the decision; it goes to everyone interested");
    }
    if (sent.toString().length() > MAX_RATIONALE) {
      throw new BadUserRequestException("chairRationale: must be at most " + MAX_RATIONALE + " characters (got "
          + sent.toString().length() + ")");
    }
    String chair = reviewers.actingUser(task);
    task.getExecution().setVariable("councilDecision", decision.processValue());
    task.getExecution().setVariable("councilRationale", rationale + " (decided by the chair, " + chair + ")");
    task.getExecution().setVariable("decidedBy", chair);
  }
}
