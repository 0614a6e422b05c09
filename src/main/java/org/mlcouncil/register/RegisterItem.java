package org.mlcouncil.register;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One row of the register, as every reader may see it.
 *
 * @param waitingFor the people and groups whose open tasks the item waits for, e.g. {@code sarah} or
 *     {@code the search pod's analytics manager}
 */
public record RegisterItem(String key, String kind, String title, String pod, String proposer, String technicalLead,
                           String stage, Instant stageSince, String decision, String rationale, String meetingId,
                           Instant submittedAt, Instant decidedAt, List<String> waitingFor) {

  public boolean isOpen() {
    return decidedAt == null;
  }

  public String submittedDay() {
    return day(submittedAt);
  }

  public String decidedDay() {
    return day(decidedAt);
  }

  /** A moment as the pages show it, in the server's time zone: "2026-11-26". */
  public static String day(Instant at) {
    return at == null ? "" : LocalDate.ofInstant(at, ZoneId.systemDefault()).toString();
  }

  /** A moment to the minute: "2026-11-26 14:05". */
  public static String minute(Instant at) {
    return at == null ? "" : LocalDateTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES)
        .toString().replace('T', ' ');
  }

  /** How long the item has been in its stage, in words: "3 days", "5 hours", "under an hour". */
  public String ageInStage(Instant now) {
    return duration(Duration.between(stageSince, now));
  }

  /** Its status as a sentence for its own people: "Review proposal: waiting for sarah since 2 days". */
  public String status(Instant now) {
    if (!isOpen()) {
      return decision + " on " + day(decidedAt)
          + (meetingId == null ? "" : " at ML Review " + meetingId);
    }
    String since = " since " + ageInStage(now);
    if (stage.equals("Await ML Review")) {
      return "on the agenda of the next ML Review" + since;
    }
    if (waitingFor.isEmpty()) {
      return stage + since;
    }
    return stage + ": waiting for " + String.join(", ", waitingFor) + since;
  }

  static String duration(Duration age) {
    long days = age.toDays();
    if (days > 0) {
      return days == 1 ? "1 day" : days + " days";
    }
    long hours = age.toHours();
    if (hours > 0) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return "under an hour";
  }
}
