package org.mlcouncil.platform;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile without the settings that have no safe default.
 *
 * <p>It runs before the application context exists, so an operator sees a single line naming
 * the variable to set instead of a bean-creation stack trace, and no admin user is ever created
 * with a guessable password.
 */
public class RequiredProductionSettings implements EnvironmentPostProcessor {

  static final List<String> REQUIRED = List.of("MLCOUNCIL_ADMIN_PASSWORD", "MLCOUNCIL_DB_URL", "MLCOUNCIL_SMTP_HOST");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    for (String variable : REQUIRED) {
      String value = environment.getProperty(variable);
      if (value == null || value.isBlank()) {
        refuse("set the environment variable " + variable + " (required by the prod profile).");
      }
    }
    // Not echoed: a JDBC URL may carry credentials.
    if (!environment.getProperty("MLCOUNCIL_DB_URL").startsWith("jdbc:postgresql:")) {
      refuse("MLCOUNCIL_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/mlcouncil.");
    }
  }

  private static void refuse(String reason) {
    System.err.println("ML Council refuses to start: " + reason);
    System.exit(78); // EX_CONFIG: a configuration error, not a crash
  }
}
