package org.mlcouncil.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser journeys need Debian's Chromium and ChromeDriver. Without them a developer's
 * {@code ./mvnw verify} skips the journeys and says how to install them; under {@code CI=true}
 * a missing browser fails the build, so CI can never pass without running them.
 */
public class ChromiumAvailable implements ExecutionCondition {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
    }
    String message = "Browser journeys need Chromium: apt-get install chromium chromium-driver";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message + " (CI=true, so they may not be skipped)");
    }
    return ConditionEvaluationResult.disabled(message);
  }
}
