package org.mlcouncil.review;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When reviewers are reminded and when an open review is escalated, as ISO 8601 durations
 * ({@code mlcouncil.review.*}). The BPMN timers read them as {@code ${reviewSchedule.…}}.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

  private final Duration podReminderAfter;
  private final Duration podEscalationAfter;

  public ReviewSchedule(@Value("${mlcouncil.review.pod-reminder-after}") Duration podReminderAfter,
                        @Value("${mlcouncil.review.pod-escalation-after}") Duration podEscalationAfter) {
    if (podEscalationAfter.compareTo(podReminderAfter) <= 0) {
      throw new IllegalArgumentException("mlcouncil.review.pod-escalation-after must be longer than pod-reminder-after");
    }
    this.podReminderAfter = podReminderAfter;
    this.podEscalationAfter = podEscalationAfter;
  }

  /** A pod review open this long sends a reminder to the groups that still owe it. */
  public String getPodReminderAfter() {
    return podReminderAfter.toString();
  }

  /** A pod review open this long is escalated to the council chair. */
  public String getPodEscalationAfter() {
    return podEscalationAfter.toString();
  }

  /** The due date shown in Tasklist: the moment the review would be escalated. */
  public Date podReviewDue() {
    return new Date(ClockUtil.getCurrentTime().getTime() + podEscalationAfter.toMillis());
  }
}
