package org.mlcouncil.directory;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.mlcouncil.directory.Groups.GroupDefinition;
import org.mlcouncil.directory.Groups.PodLead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SPEC.md and grants each its permissions at every start-up. Idempotent:
 * what exists is left alone, missing permissions are added, nothing an admin granted by hand is
 * revoked. With a directory the groups are the directory's: missing ones are reported, and the
 * permissions, which live in the platform's database, are granted all the same.
 */
@Component
@Order(1)
public class OrganisationSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationSetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final DirectoryProperties directory;

  public OrganisationSetup(IdentityService identityService, AuthorizationService authorizationService,
                           DirectoryProperties directory) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<GroupDefinition> groups = new ArrayList<>(Groups.FIXED);
    for (String pod : directory.pods()) {
      for (PodLead lead : PodLead.values()) {
        groups.add(new GroupDefinition(lead.groupOf(pod), "Pod " + pod + ": " + lead.title()));
      }
    }
    if (identityService.isReadOnly()) {
      reportMissingInDirectory(groups);
    } else {
      groups.forEach(this::ensureGroup);
    }
    grantPermissions(groups);
    log.info("Organisation ready: {} groups, pods {}", groups.size(), directory.pods());
  }

  /**
   * The company directory owns the groups (README, Onboarding): the platform cannot create them,
   * and a missing one leaves its role without anyone, which an operator must hear of at once.
   */
  private void reportMissingInDirectory(List<GroupDefinition> groups) {
    List<String> missing = groups.stream().map(GroupDefinition::id)
        .filter(id -> identityService.createGroupQuery().groupId(id).count() == 0).toList();
    if (!missing.isEmpty()) {
      log.warn("The directory has no group for {} of the platform's groups: {} (create them there, or map "
          + "directory groups to them with mlcouncil.ldap.group-mapping)", missing.size(), missing);
    }
  }

  private void ensureGroup(GroupDefinition definition) {
    if (identityService.createGroupQuery().groupId(definition.id()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(definition.id());
    group.setName(definition.name());
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
  }

  private void grantPermissions(List<GroupDefinition> groups) {
    // Administrators may do everything, whoever made the group: Camunda's starter grants this
    // only when it creates its admin user, which it never does with a directory.
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMIN, resource, "*", Permissions.ALL);
    }

    // Each role group works on its own: none relies on also being in ml-practitioners.
    List<String> roles = groups.stream().map(GroupDefinition::id).filter(Groups::isRole).toList();
    for (String role : roles) {
      grant(role, APPLICATION, "tasklist", ACCESS);
      grant(role, USER, "*", READ);
      grant(role, GROUP, "*", READ);
      grant(role, FILTER, "*", READ);
      directory.registerProcesses().forEach(key -> grant(role, PROCESS_DEFINITION, key, READ, READ_INSTANCE, READ_HISTORY));
    }

    // Process owners deploy through a review and read; they neither work others' tasks nor
    // change instances. Exact, so wider grants of earlier versions are taken back.
    grantExactly(Groups.PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS);
    grantExactly(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", READ);
    grantExactly(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", READ, READ_HISTORY);
    grantExactly(Groups.PROCESS_OWNERS, DECISION_DEFINITION, "*", READ);
    grantExactly(Groups.PROCESS_OWNERS, PROCESS_INSTANCE, "*", READ);

    grant(Groups.COUNCIL_CHAIR, APPLICATION, "cockpit", ACCESS);

    directory.startableProcesses().forEach((group, keys) -> {
      grant(group, PROCESS_INSTANCE, "*", CREATE);
      keys.forEach(key -> grant(group, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE, READ_HISTORY));
    });
    directory.readableProcesses().forEach((group, keys) ->
        keys.forEach(key -> grant(group, PROCESS_DEFINITION, key, READ)));
  }

  private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationEntity authorization = (AuthorizationEntity) authorizationFor(groupId, resource, resourceId);
    int before = authorization.getId() == null ? -1 : authorization.getPermissions();
    authorization.setPermissions(permissions);
    if (authorization.getPermissions() != before) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationFor(groupId, resource, resourceId);
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** The group's grant on the resource, or a new one not saved yet. */
  private Authorization authorizationFor(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    return authorization;
  }
}
