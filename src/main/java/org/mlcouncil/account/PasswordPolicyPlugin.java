package org.mlcouncil.account;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns on Camunda's password policy, so every new password (REST API, Admin webapp, Java API)
 * must meet {@link PasswordRules}. It is turned on once the engine is built, after the
 * starter's plugin created the configured admin user (hence the lowest precedence): the demo
 * profile's admin shares every demo user's password {@code demo}, and the prod profile's admin
 * password is checked against the policy before the application starts
 * ({@code RequiredProductionSettings}). No request reaches the engine before this runs.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    configuration.setPasswordPolicy(PasswordRules.policy());
    configuration.setEnablePasswordPolicy(true);
  }
}
