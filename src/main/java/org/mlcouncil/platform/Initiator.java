package org.mlcouncil.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * Makes the start event's {@code camunda:initiator} variable (proposer, hiring manager,
 * submitter) the logged-in user. A REST client can send start variables of any name, and the
 * four-eyes rule and every mail trust this one: nobody may submit in someone else's name.
 */
@Component
public class Initiator {

  private final IdentityService identityService;

  public Initiator(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Call from a start event's listener. */
  public void enforce(DelegateExecution execution) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null
        || !(execution.getBpmnModelElementInstance() instanceof StartEvent start)
        || start.getCamundaInitiator() == null) {
      return;
    }
    execution.setVariable(start.getCamundaInitiator(), caller.getUserId());
  }
}
