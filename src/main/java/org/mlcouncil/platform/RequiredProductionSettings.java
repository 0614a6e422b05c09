package org.mlcouncil.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.mlcouncil.account.PasswordRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile without the settings that have no safe default.
 *
 * <p>It runs before the application context exists, so an operator sees a single line naming
 * the variable to set instead of a bean-creation stack trace, and no admin user is ever created
 * with a guessable password: the admin password must also meet the password policy, which the
 * engine only enforces after it created the admin ({@code PasswordPolicyPlugin}).
 */
public class RequiredProductionSettings implements EnvironmentPostProcessor {

  static final String ADMIN_PASSWORD = "MLCOUNCIL_ADMIN_PASSWORD";
  static final List<String> REQUIRED = List.of(ADMIN_PASSWORD, "MLCOUNCIL_DB_URL", "MLCOUNCIL_SMTP_HOST");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    // With a directory, administrators come from it: there is no local admin to give a password.
    boolean directory = !environment.getProperty("mlcouncil.ldap.url", "").isBlank();
    for (String variable : REQUIRED) {
      String value = environment.getProperty(variable);
      if ((value == null || value.isBlank()) && !(directory && variable.equals(ADMIN_PASSWORD))) {
        refuse("set the environment variable " + variable + " (required by the prod profile).");
      }
    }
    if (!directory && !PasswordRules.allows(environment.getProperty(ADMIN_PASSWORD), adminUser(environment))) {
      refuse("MLCOUNCIL_ADMIN_PASSWORD does not meet the password policy: " + PasswordRules.DESCRIPTION + ".");
    }
    // Not echoed: a JDBC URL may carry credentials.
    if (!environment.getProperty("MLCOUNCIL_DB_URL").startsWith("jdbc:postgresql:")) {
      refuse("MLCOUNCIL_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/mlcouncil.");
    }
  }

  /** The admin user as the starter will create it, for the policy's rule against user data in passwords. */
  private static UserEntity adminUser(ConfigurableEnvironment environment) {
    UserEntity admin = new UserEntity(environment.getProperty("camunda.bpm.admin-user.id"));
    admin.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
    admin.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
    admin.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
    return admin;
  }

  private static void refuse(String reason) {
    System.err.println("ML Council refuses to start: " + reason);
    System.exit(78); // EX_CONFIG: a configuration error, not a crash
  }
}
