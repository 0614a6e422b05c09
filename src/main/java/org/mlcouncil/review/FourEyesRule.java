package org.mlcouncil.review;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code assignment} and {@code complete}) that keeps the proposer and the
 * technical lead away from reviewing their own proposal, and the submitter of a process
 * deployment away from approving it. It runs in the engine, so it holds for Tasklist, the REST
 * API and any other client alike.
 */
@Component("fourEyes")
public class FourEyesRule implements TaskListener {

  private final ReviewerIdentity reviewers;

  public FourEyesRule(ReviewerIdentity reviewers) {
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : reviewers.actingUser(task);
    if (user == null) {
      return;
    }
    String role = null;
    if (user.equals(task.getVariable("proposer"))) {
      role = "proposer";
    } else if (user.equals(task.getVariable("technicalLead"))) {
      role = "technical lead";
    } else if (user.equals(task.getVariable("submitter"))) {
      role = "submitter";
    }
    if (role != null) {
      throw new FourEyesViolation("Four-eyes rule: " + user + " is the " + role + " of "
          + task.getExecution().getProcessBusinessKey() + " and cannot review it. Another member of the group must.");
    }
  }

  /** Refusal of a review by someone involved in the item. */
  public static class FourEyesViolation extends BadUserRequestException {

    public FourEyesViolation(String message) {
      super(message);
    }
  }
}
