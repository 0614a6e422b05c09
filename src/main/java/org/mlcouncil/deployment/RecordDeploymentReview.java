package org.mlcouncil.deployment;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mlcouncil.review.ReviewerIdentity;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of "Review process deployment": checks the decision and
 * that a rejection says why, and records the reviewer as the logged-in user, never a
 * submitted value. The four-eyes rule ({@code fourEyes}) runs before it.
 */
@Component("recordDeploymentReview")
public class RecordDeploymentReview implements TaskListener {

  static final String APPROVE = "approve";
  static final String REJECT = "reject";
  static final int MAX_COMMENT = 2000;

  private final ReviewerIdentity reviewers;

  public RecordDeploymentReview(ReviewerIdentity reviewers) {
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("deploymentDecision");
    if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
      throw new BadUserRequestException("deploymentDecision: choose approve or reject");
    }
    Object comment = task.getVariable("reviewComment");
    String text = comment == null ? "" : comment.toString().strip();
    if (REJECT.equals(decision) && text.isEmpty()) {
      throw new BadUserRequestException("reviewComment: say why you reject the deployment");
    }
    if (text.length() > MAX_COMMENT) {
      throw new BadUserRequestException("reviewComment: must be at most " + MAX_COMMENT + " characters");
    }
    task.setVariable("reviewer", reviewers.actingUser(task));
  }
}
