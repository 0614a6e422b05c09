package org.mlcouncil.notification;

import java.time.Duration;
import java.util.List;

/**
 * The back-off of a mail that could not be sent, kept in the external task's own retries so
 * every node agrees on it and Cockpit shows it: a new task has none set; after the first
 * failure it has one retry per configured delay, and each failure uses the next delay. The
 * failure after the last delay leaves no retry, and Camunda raises an incident.
 */
final class RetryLadder {

  /** What to record after a failed try: retries left and how long to wait before the next try. */
  record Step(int retries, Duration delay) {
  }

  private final List<Duration> delays;

  RetryLadder(List<Duration> delays) {
    this.delays = List.copyOf(delays);
  }

  /** @param retries the task's retries before this failure, {@code null} if it never failed */
  Step afterFailure(Integer retries) {
    int left = retries == null ? delays.size() + 1 : retries;
    if (left <= 1) {
      return new Step(0, Duration.ZERO);
    }
    // An operator may grant more retries than there are delays: those wait the first delay.
    int index = Math.max(0, delays.size() + 1 - left);
    return new Step(left - 1, delays.get(Math.min(index, delays.size() - 1)));
  }

  /** A mail that can never be sent as it stands (no template, a template that fails) waits for no one. */
  static Step exhausted() {
    return new Step(0, Duration.ZERO);
  }
}
