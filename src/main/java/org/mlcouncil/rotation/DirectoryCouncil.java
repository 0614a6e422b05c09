package org.mlcouncil.rotation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.ldap.GroupMapping;
import org.mlcouncil.ldap.LdapProperties;
import org.springframework.stereotype.Component;

/**
 * The council as a company directory keeps it, against the confirmed nomination: the exact
 * membership changes its administrator still has to make, named with the directory's own group
 * names. Read afresh each time, so only the directory itself can say the rotation is done.
 */
@Component
public class DirectoryCouncil {

  private final IdentityService identityService;
  private final GroupMapping mapping;

  public DirectoryCouncil(IdentityService identityService, LdapProperties ldap) {
    this.identityService = identityService;
    this.mapping = ldap.mapping();
  }

  /** Whether the directory keeps the groups, so the platform cannot change them itself. */
  public boolean ownsGroups() {
    return identityService.isReadOnly();
  }

  /** What is still to change, one line per membership; empty when the directory agrees. */
  public List<String> changesStillDue(DelegateExecution rotation) {
    @SuppressWarnings("unchecked")
    List<String> members = (List<String>) rotation.getVariable("nominatedMemberList");
    String chair = (String) rotation.getVariable("nominatedChair");
    List<String> changes = new ArrayList<>();
    changes(Groups.COUNCIL, members, changes);
    changes(Groups.COUNCIL_CHAIR, List.of(chair), changes);
    return changes;
  }

  /** The lines for the administrator's form, or a sentence saying nothing is left. */
  public static String describe(List<String> changes) {
    return changes.isEmpty() ? "None: the directory shows the confirmed council." : String.join("\n", changes);
  }

  private void changes(String group, List<String> wanted, List<String> into) {
    List<String> current = identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
        .toList();
    String name = mapping.toDirectory(group).equals(group) ? group
        : mapping.toDirectory(group) + " (the platform's " + group + ")";
    wanted.stream().filter(user -> !current.contains(user)).sorted()
        .forEach(user -> into.add("Add " + user + " to " + name));
    current.stream().filter(user -> !wanted.contains(user)).sorted()
        .forEach(user -> into.add("Remove " + user + " from " + name));
  }
}
