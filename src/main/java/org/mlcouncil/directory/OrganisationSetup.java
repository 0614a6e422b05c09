package org.mlcouncil.directory;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
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
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
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
 * revoked.
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
    groups.forEach(this::ensureGroup);
    grantPermissions();
    log.info("Organisation ready: {} groups, pods {}", groups.size(), directory.pods());
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

  private void grantPermissions() {
    grant(Groups.PRACTITIONERS, APPLICATION, "tasklist", ACCESS);
    grant(Groups.PRACTITIONERS, PROCESS_INSTANCE, "*", CREATE);
    grant(Groups.PRACTITIONERS, USER, "*", READ);
    grant(Groups.PRACTITIONERS, GROUP, "*", READ);
    grant(Groups.PRACTITIONERS, FILTER, "*", READ);

    grant(Groups.PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS);
    grant(Groups.PROCESS_OWNERS, DEPLOYMENT, "*", ALL);
    grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, "*", ALL);
    grant(Groups.PROCESS_OWNERS, DECISION_DEFINITION, "*", ALL);
    grant(Groups.PROCESS_OWNERS, PROCESS_INSTANCE, "*", READ);

    grant(Groups.COUNCIL_CHAIR, APPLICATION, "cockpit", ACCESS);

    directory.startableProcesses().forEach((group, keys) ->
        keys.forEach(key -> grant(group, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE, READ_HISTORY)));
    directory.readableProcesses().forEach((group, keys) ->
        keys.forEach(key -> grant(group, PROCESS_DEFINITION, key, READ)));
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
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
}
