package org.mlcouncil.account;

import static org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl.MIN_LENGTH;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/**
 * The platform's password policy: Camunda's built-in one, which every new password must meet,
 * whichever API sets it ({@link PasswordPolicyPlugin}).
 */
public final class PasswordRules {

  /** The policy in words, for refusals: Camunda's own message names no rule. */
  public static final String DESCRIPTION = "at least " + MIN_LENGTH + " characters with a lower-case letter, an "
      + "upper-case letter, a digit and a special character, and without the user id, name or e-mail address";

  /** What {@code SaveUserCmd} throws for a password against the policy; no more specific type exists. */
  private static final String ENGINE_REFUSAL = "Password does not match policy";

  private PasswordRules() {
  }

  static PasswordPolicy policy() {
    return new DefaultPasswordPolicyImpl();
  }

  /** Whether {@code password} meets the policy for {@code user}, checked without an engine. */
  public static boolean allows(String password, User user) {
    return policy().getRules().stream().allMatch(rule -> rule.execute(password, user));
  }

  /** Whether the engine refused to save a user because of the password. */
  public static boolean isPolicyRefusal(Throwable exception) {
    return isPolicyRefusal(exception.getClass(), exception.getMessage());
  }

  /** The same for an exception known by its type and message, e.g. from a logged stack trace. */
  public static boolean isPolicyRefusal(Class<?> type, String message) {
    return ProcessEngineException.class.isAssignableFrom(type) && ENGINE_REFUSAL.equals(message);
  }
}
