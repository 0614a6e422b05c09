package org.mlcouncil.platform;

import org.camunda.bpm.engine.BadUserRequestException;
import org.mlcouncil.account.PasswordRules;

/**
 * Refusals of what a user sent (bad form values, the four-eyes rule, a weak password), as opposed
 * to failures of the platform: a refusal is answered with 400 and logged in one line.
 */
public final class Refusals {

  private Refusals() {
  }

  /** The refusal in {@code exception} or its causes, or {@code null} when it is a failure. */
  public static RuntimeException find(Throwable exception) {
    for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || PasswordRules.isPolicyRefusal(cause)) {
        return (RuntimeException) cause;
      }
    }
    return null;
  }
}
