package org.mlcouncil.platform;

import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who counts as an administrator: the engine's own answer (its admin users and admin groups,
 * {@code camunda-admin}), so the platform's checks and Camunda's authorization never disagree.
 */
@Component
public class Administrators {

  private final ProcessEngineConfigurationImpl configuration;

  public Administrators(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  public boolean include(Authentication caller) {
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(caller.getUserId())
        || configuration.getAdminGroups() != null && !Collections.disjoint(configuration.getAdminGroups(), groups);
  }
}
