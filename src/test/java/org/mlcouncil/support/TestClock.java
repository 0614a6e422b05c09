package org.mlcouncil.support;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock in integration tests. The suite runs at a fixed moment of the week, not
 * at the wall clock's: due dates that hang on the weekly ML Review (the meeting itself, the
 * "meeting approaching" reminder a day before it) would otherwise fire or not depending on
 * the day the suite runs. The clock is an offset, not a frozen time, so it still moves: the
 * job executor, lock times and history order behave as they do in production.
 */
public final class TestClock {

  /** Monday 09:00 UTC: days away from Thursday's ML Review and from its vote reminder. */
  public static final Instant SUITE_START = Instant.parse("2026-11-23T09:00:00Z");

  private static Long suiteOffset;

  private TestClock() {
  }

  /** Puts the engine at {@link #SUITE_START}, once per JVM, before the engine first reads the clock. */
  static synchronized void startSuite() {
    if (suiteOffset == null) {
      suiteOffset = SUITE_START.toEpochMilli() - System.currentTimeMillis();
      ClockUtil.offset(suiteOffset);
    }
  }

  /** Moves the engine's clock to {@code instant}, from where it keeps running; undo with {@link #resume()}. */
  public static void at(Instant instant) {
    ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
  }

  /** Back to the suite's own time line after {@link #at}. */
  public static synchronized void resume() {
    ClockUtil.offset(suiteOffset);
  }
}
