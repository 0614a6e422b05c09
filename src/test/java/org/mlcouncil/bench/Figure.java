package org.mlcouncil.bench;

/**
 * One line of the benchmark's table: what was measured, its value as printed, and the target it
 * is held against (empty when a figure only informs), with whether the target was met.
 */
public record Figure(String section, String what, String value, String target, Verdict verdict) {

  public enum Verdict {
    MET, MISSED, NONE;

    static Verdict of(boolean met) {
      return met ? MET : MISSED;
    }
  }

  /** A figure that informs, with no target of its own. */
  public static Figure info(String section, String what, String value) {
    return new Figure(section, what, value, "", Verdict.NONE);
  }

  public static Figure against(String section, String what, String value, String target, boolean met) {
    return new Figure(section, what, value, target, Verdict.of(met));
  }
}
