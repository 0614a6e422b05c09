package org.mlcouncil.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weekly meeting and its vote reminder, at moments across the week (meeting: Thursday 15:00). */
class MeetingScheduleTest {

  private final MeetingSchedule schedule = new MeetingSchedule("0 0 15 ? * THU", Duration.ofDays(1));
  // The engine clock is global: restore whatever offset the JVM ran on (the ITs' TestClock).
  private final long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();

  @AfterEach
  void restoreClock() {
    ClockUtil.offset(offset);
  }

  @ParameterizedTest(name = "vote opened {0}: meeting {1}, reminder {2}")
  @CsvSource({
      "2026-11-23T09:00, 2026-11-26T15:00, 2026-11-25T15:00",
      "2026-11-25T14:00, 2026-11-26T15:00, 2026-11-25T15:00",
      // Opened later (within the hour before that moment, or the last day): halfway to it, never at once.
      "2026-11-25T14:01, 2026-11-26T15:00, 2026-11-26T02:30:30",
      "2026-11-25T15:01, 2026-11-26T15:00, 2026-11-26T03:00:30",
      "2026-11-26T11:00, 2026-11-26T15:00, 2026-11-26T13:00",
      "2026-11-26T13:00, 2026-11-26T15:00, 2026-11-26T14:00",
      // Opened less than two hours before: the reminder waits for the following meeting.
      "2026-11-26T13:01, 2026-11-26T15:00, 2026-12-02T15:00",
      "2026-11-26T14:59, 2026-11-26T15:00, 2026-12-02T15:00",
      // Just after the meeting, the next one is a week away.
      "2026-11-26T15:01, 2026-12-03T15:00, 2026-12-02T15:00",
      "2026-11-29T23:59, 2026-12-03T15:00, 2026-12-02T15:00"
  })
  void reminderIsADayBeforeTheMeetingOrHalfwayToItButNeverAsTheVoteOpens(LocalDateTime opened, LocalDateTime meeting,
                                                                         LocalDateTime reminder) {
    ClockUtil.setCurrentTime(date(opened));

    assertThat(schedule.nextMeeting()).isEqualTo(meeting);
    assertThat(schedule.voteReminderDate()).isEqualTo(date(reminder));
    assertThat(Duration.between(opened, reminder)).isGreaterThanOrEqualTo(MeetingSchedule.REMINDER_QUIET_TIME);
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
