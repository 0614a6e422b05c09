package org.mlcouncil.rotation;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.mlcouncil.directory.Groups;
import org.springframework.stereotype.Component;

/** Starts a rotation from the council as it is, so the nominator edits rather than retypes it. */
@Component("lookUpCurrentCouncil")
public class LookUpCurrentCouncil implements JavaDelegate {

  private final IdentityService identityService;

  public LookUpCurrentCouncil(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String members = String.join(", ", ids(Groups.COUNCIL));
    String chair = String.join(", ", ids(Groups.COUNCIL_CHAIR));
    execution.setVariable("currentMembers", members);
    execution.setVariable("currentChair", chair);
    execution.setVariable("nominatedMembers", members);
    execution.setVariable("nominatedChair", chair);
    execution.setVariable("compositionProblems", "Not checked yet.");
  }

  private List<String> ids(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(User::getId).toList();
  }
}
