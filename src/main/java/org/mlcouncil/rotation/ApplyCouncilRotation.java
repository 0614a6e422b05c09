package org.mlcouncil.rotation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.mlcouncil.directory.Groups;
import org.springframework.stereotype.Component;

/**
 * Makes the confirmed nomination the council when the platform keeps the groups (no directory):
 * memberships of {@code ml-council} and
 * {@code ml-council-chair} change, and open votes of departing members pass to the new ones,
 * all in the engine's transaction, so a failure leaves the old council whole.
 */
@Component("applyCouncilRotation")
public class ApplyCouncilRotation implements JavaDelegate {

  private final IdentityService identityService;
  private final VoteHandover voteHandover;

  public ApplyCouncilRotation(IdentityService identityService, VoteHandover voteHandover) {
    this.identityService = identityService;
    this.voteHandover = voteHandover;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<String> members = (List<String>) execution.getVariable("nominatedMemberList");
    String chair = (String) execution.getVariable("nominatedChair");
    List<String> previous = ids(Groups.COUNCIL);
    replaceMembers(Groups.COUNCIL, previous, members);
    replaceMembers(Groups.COUNCIL_CHAIR, ids(Groups.COUNCIL_CHAIR), List.of(chair));
    voteHandover.handOver(execution, previous, members);
  }

  private void replaceMembers(String groupId, List<String> current, List<String> wanted) {
    current.stream().filter(user -> !wanted.contains(user))
        .forEach(user -> identityService.deleteMembership(user, groupId));
    wanted.stream().filter(user -> !current.contains(user))
        .forEach(user -> identityService.createMembership(user, groupId));
  }

  private List<String> ids(String groupId) {
    return new ArrayList<>(identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getId).toList());
  }
}
