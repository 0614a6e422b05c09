package org.mlcouncil.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.mlcouncil.account.AccountActivation;
import org.mlcouncil.directory.OrganisationFile.InvalidOrganisationFile;
import org.mlcouncil.directory.OrganisationFile.Person;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the platform's users in line with an organisation file, idempotently: a person not yet
 * a user is created and welcomed (a mail with a one-time link to set their own password, process
 * {@code welcome-user}); a user whose names, address or groups differ is updated; everyone else
 * is left alone. The file adds memberships but takes none away (a rotation may have moved
 * someone into the council since), and users missing from the file stay: removing people is an
 * administrator's decision in Admin.
 */
@Component
@ConditionalOnExpression("'${mlcouncil.ldap.url:}' == ''") // with a directory, people are kept there
public class OrganisationImport {

  static final String WELCOME_PROCESS = "welcome-user";

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  public OrganisationImport(IdentityService identityService, RuntimeService runtimeService,
                            TransactionTemplate transaction) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  /** What an import did: user ids created, changed (with what changed) and left alone. */
  public record Report(List<String> created, Map<String, List<String>> changed, List<String> unchanged) {

    public String summary() {
      return created.size() + " created, " + changed.size() + " changed, " + unchanged.size() + " left alone";
    }
  }

  /** @throws InvalidOrganisationFile naming every unknown group, before anything changes */
  public Report apply(List<Person> people) {
    Set<String> known = identityService.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      for (String group : people.get(i).groups()) {
        if (!known.contains(group)) {
          errors.add("users[" + i + "].groups: no group '" + group + "' (see README, Onboarding, for the groups)");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidOrganisationFile(errors);
    }
    Report report = new Report(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
    // One transaction per person: a user is never created without their welcome, nor half updated.
    for (Person person : people) {
      transaction.executeWithoutResult(status -> bringInLine(person, report));
    }
    return report;
  }

  private void bringInLine(Person person, Report report) {
    User user = identityService.createUserQuery().userId(person.id()).singleResult();
    if (user == null) {
      create(person);
      report.created().add(person.id());
      return;
    }
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(user.getFirstName(), person.firstName())) {
      user.setFirstName(person.firstName());
      changes.add("firstName");
    }
    if (!Objects.equals(user.getLastName(), person.lastName())) {
      user.setLastName(person.lastName());
      changes.add("lastName");
    }
    if (!person.email().equalsIgnoreCase(Objects.requireNonNullElse(user.getEmail(), ""))) {
      user.setEmail(person.email());
      changes.add("email");
    }
    if (!changes.isEmpty()) {
      identityService.saveUser(user);
    }
    Set<String> memberOf = identityService.createGroupQuery().groupMember(person.id()).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (String group : person.groups()) {
      if (!memberOf.contains(group)) {
        identityService.createMembership(person.id(), group);
        changes.add("+" + group);
      }
    }
    if (changes.isEmpty()) {
      report.unchanged().add(person.id());
    } else {
      report.changed().put(person.id(), changes);
    }
  }

  /**
   * Sends the user a new welcome mail, whose link replaces any earlier one (an expired or lost
   * link); {@code false} for an unknown user.
   */
  public boolean welcomeAgain(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return false;
    }
    welcome(user.getId(), user.getFirstName());
    return true;
  }

  private void create(Person person) {
    User user = identityService.newUser(person.id());
    user.setFirstName(person.firstName());
    user.setLastName(person.lastName());
    user.setEmail(person.email());
    user.setPassword(AccountActivation.unknowablePassword(user));
    identityService.saveUser(user);
    person.groups().forEach(group -> identityService.createMembership(person.id(), group));
    welcome(person.id(), person.firstName());
  }

  private void welcome(String userId, String firstName) {
    runtimeService.startProcessInstanceByKey(WELCOME_PROCESS, userId,
        Map.of("userId", userId, "firstName", Objects.requireNonNullElse(firstName, userId)));
  }
}
