package org.mlcouncil.review;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code assignment} and {@code complete}) that keeps the proposer and the
 * technical lead away from reviewing their own item, and the submitter of a process deployment
 * away from approving it. It runs in the engine, so it holds for Tasklist, the REST API and any
 * other client alike, at claim, assignment, delegation (each sets the assignee) and completion.
 *
 * <p>Who proposed, who leads and who submitted are read from the process instance itself, where
 * the process recorded them; a variable of the same name on the task or an inner scope would
 * otherwise shadow them.
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
    DelegateExecution item = task.getExecution().getProcessInstance();
    String role = null;
    if (user.equals(item.getVariableLocal("proposer"))) {
      role = "proposer";
    } else if (user.equals(item.getVariableLocal("technicalLead"))) {
      role = "technical lead";
    } else if (user.equals(item.getVariableLocal("submitter"))) {
      role = "submitter";
    }
    if (role != null) {
      throw new FourEyesViolation("Four-eyes rule: " + user + " is the " + role + " of "
          + item.getProcessBusinessKey() + " and cannot review it. Another member of the group must.");
    }
  }

  /** Refusal of a review by someone involved in the item. */
  public static class FourEyesViolation extends BadUserRequestException {

    public FourEyesViolation(String message) {
      super(message);
    }
  }
}
