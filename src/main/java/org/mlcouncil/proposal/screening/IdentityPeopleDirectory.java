package org.mlcouncil.proposal.screening;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** The people screening asks about, from Camunda's identity service. */
@Component
public class IdentityPeopleDirectory implements PeopleDirectory {

  private final IdentityService identityService;

  public IdentityPeopleDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() == 1;
  }

  @Override
  public Set<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }
}
