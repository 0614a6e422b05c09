package org.mlcouncil.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.mlcouncil.account.PasswordRules;

/**
 * Refusals of what a user sent (bad form values, the four-eyes rule, a weak password), as opposed
 * to failures of the platform: a refusal is answered with 400 and logged in one line.
 */
public final class Refusals {

  /** "org.example.SomeException: message" or "Caused by: org.example.SomeException: message". */
  private static final Pattern EXCEPTION_LINE =
      Pattern.compile("(?:Caused by: )?((?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*): (.*)");

  private Refusals() {
  }

  /**
   * The message of the refusal in a stack trace logged as text (as Camunda's REST API logs a
   * 500): the first exception in it, or among its causes, that is a refusal; {@code null} when
   * there is none.
   */
  static String findInStackTrace(String stackTrace) {
    for (String line : stackTrace.lines().toList()) {
      Matcher exception = EXCEPTION_LINE.matcher(line);
      if (exception.matches()) {
        Class<?> type = load(exception.group(1));
        String message = exception.group(2);
        if (type != null && (BadUserRequestException.class.isAssignableFrom(type)
            || PasswordRules.isPolicyRefusal(type, message))) {
          return message;
        }
      }
    }
    return null;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, Refusals.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError notAClass) {
      return null;
    }
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
