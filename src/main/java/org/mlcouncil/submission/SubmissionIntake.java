package org.mlcouncil.submission;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.mlcouncil.platform.BusinessKeys;
import org.mlcouncil.platform.Initiator;

/**
 * Start listener of a submission's process. It runs inside the start command, so a refused
 * submission rolls the whole start back: the caller gets a 400 naming the fields and no
 * process instance remains.
 */
public class SubmissionIntake implements ExecutionListener {

  private final SubmissionKind kind;
  private final BusinessKeys businessKeys;
  private final Initiator initiator;

  public SubmissionIntake(SubmissionKind kind, BusinessKeys businessKeys, Initiator initiator) {
    this.kind = kind;
    this.businessKeys = businessKeys;
    this.initiator = initiator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    initiator.enforce(execution);
    kind.store(execution.getVariables(), execution);
    execution.setVariable("itemKind", kind.kind());
    String key = businessKeys.next(kind.keyPrefix());
    execution.setProcessBusinessKey(key);
    // Forms show the key in their heading (Tasklist gives a form the variables, not the business key).
    execution.setVariable("itemId", key);
  }
}
