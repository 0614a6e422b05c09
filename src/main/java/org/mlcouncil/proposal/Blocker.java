package org.mlcouncil.proposal;

/** The biggest blocker to a solution's success, which decides who should lead it. */
public enum Blocker {
  PRODUCTION_PERFORMANCE("production-performance", "production performance"),
  STATISTICAL_PERFORMANCE("statistical-performance", "statistical performance");

  private final String value;
  private final String label;

  Blocker(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public static Blocker of(String value) {
    for (Blocker blocker : values()) {
      if (blocker.value.equals(value)) {
        return blocker;
      }
    }
    return null;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }
}
