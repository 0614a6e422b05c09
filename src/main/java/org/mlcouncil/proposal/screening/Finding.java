package org.mlcouncil.proposal.screening;

/**
 * One result of screening a proposal against the ML charter.
 *
 * @param code stable identifier, e.g. {@code ML_NEED_RULES_SUFFICE}
 * @param message what a person should do about it
 */
public record Finding(Severity severity, String code, String message) {

  public static Finding blocker(String code, String message) {
    return new Finding(Severity.BLOCKER, code, message);
  }

  public static Finding warning(String code, String message) {
    return new Finding(Severity.WARNING, code, message);
  }

  public static Finding info(String code, String message) {
    return new Finding(Severity.INFO, code, message);
  }

  @Override
  public String toString() {
    return severity + " " + code + ": " + message;
  }
}
