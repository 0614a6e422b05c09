package org.mlcouncil.submission;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task listener ({@code complete}) of an amendment task: the amended values pass the same
 * validation as a new submission, or the task stays open with a message naming the fields.
 */
public class SubmissionAmendment implements TaskListener {

  private final SubmissionKind kind;

  public SubmissionAmendment(SubmissionKind kind) {
    this.kind = kind;
  }

  @Override
  public void notify(DelegateTask task) {
    kind.store(task.getVariables(), task.getExecution().getProcessInstance());
  }
}
