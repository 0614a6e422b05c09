package org.mlcouncil.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting on a task: the logged-in user, or the assignee when the engine acts alone. */
@Component
public class ReviewerIdentity {

  private final IdentityService identityService;

  public ReviewerIdentity(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String actingUser(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : task.getAssignee();
  }
}
