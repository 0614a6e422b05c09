package org.mlcouncil.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When the weekly ML Review meets ({@code mlcouncil.meeting.cycle}, a cron expression that
 * Camunda's timer and Spring both read) and when members who have not voted are reminded.
 */
@Component("meetingSchedule")
public class MeetingSchedule {

  /** The least time between a vote's announcement and its reminder: one mail per event, not two in a row. */
  static final Duration REMINDER_QUIET_TIME = Duration.ofHours(1);

  private final String cycle;
  private final CronExpression cron;
  private final Duration voteReminderBeforeMeeting;

  public MeetingSchedule(@Value("${mlcouncil.meeting.cycle}") String cycle,
                         @Value("${mlcouncil.meeting.vote-reminder-before}") Duration voteReminderBeforeMeeting) {
    this.cycle = cycle;
    this.cron = CronExpression.parse(cycle);
    this.voteReminderBeforeMeeting = voteReminderBeforeMeeting;
  }

  /** The timer cycle of the meeting's start event. */
  public String getCycle() {
    return cycle;
  }

  public LocalDateTime nextMeeting() {
    LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    return cron.next(now);
  }

  /**
   * When members who have not voted get a reminder, asked as the vote opens: the configured time
   * before the next meeting; for a vote opened later than an hour before that, halfway between its
   * opening and the meeting. A reminder never follows the vote's own announcement within
   * {@link #REMINDER_QUIET_TIME}: a vote opened that close to the meeting is reminded before the
   * following one instead (the meeting that takes the item up cancels the reminder).
   */
  public Date voteReminderDate() {
    Instant opened = ClockUtil.getCurrentTime().toInstant();
    LocalDateTime meeting = nextMeeting();
    Instant reminder = reminderBefore(meeting, opened);
    if (reminder.isBefore(opened.plus(REMINDER_QUIET_TIME))) {
      reminder = reminderBefore(cron.next(meeting), opened);
    }
    return Date.from(reminder);
  }

  private Instant reminderBefore(LocalDateTime meeting, Instant opened) {
    Instant at = meeting.atZone(ZoneId.systemDefault()).toInstant();
    Instant reminder = at.minus(voteReminderBeforeMeeting);
    return reminder.isBefore(opened.plus(REMINDER_QUIET_TIME))
        ? opened.plus(Duration.between(opened, at).dividedBy(2)) : reminder;
  }
}
