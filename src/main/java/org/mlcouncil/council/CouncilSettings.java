package org.mlcouncil.council;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The council's rules ({@code mlcouncil.council.*}), read by the BPMN as
 * {@code ${councilSettings.…}}.
 */
@Component("councilSettings")
public class CouncilSettings {

  private final double quorumShare;
  private final Duration voteReminderAfter;
  private final Duration tieBreakReminderAfter;

  public CouncilSettings(@Value("${mlcouncil.council.quorum-share}") double quorumShare,
                         @Value("${mlcouncil.council.vote-reminder-after}") Duration voteReminderAfter,
                         @Value("${mlcouncil.council.tie-break-reminder-after}") Duration tieBreakReminderAfter) {
    if (quorumShare <= 0 || quorumShare > 1) {
      throw new IllegalArgumentException("mlcouncil.council.quorum-share must be in (0, 1], got " + quorumShare);
    }
    this.quorumShare = quorumShare;
    this.voteReminderAfter = voteReminderAfter;
    this.tieBreakReminderAfter = tieBreakReminderAfter;
  }

  /** Votes needed out of the eligible voters before a unanimous result stands without the chair. */
  public int quorum(int eligibleVoters) {
    return Math.max(1, (int) Math.ceil(quorumShare * eligibleVoters));
  }

  /** A vote open this long reminds the member. */
  public String getVoteReminderAfter() {
    return voteReminderAfter.toString();
  }

  /** A tie-break open this long reminds the chair and the administrators. */
  public String getTieBreakReminderAfter() {
    return tieBreakReminderAfter.toString();
  }
}
