package org.mlcouncil.meeting;

import java.time.Duration;
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
   * When members who have not voted get a reminder: the configured time before the next
   * meeting, or at once if that moment has already passed.
   */
  public Date voteReminderDate() {
    LocalDateTime reminder = nextMeeting().minus(voteReminderBeforeMeeting);
    Date now = ClockUtil.getCurrentTime();
    Date at = Date.from(reminder.atZone(ZoneId.systemDefault()).toInstant());
    return at.before(now) ? now : at;
  }
}
