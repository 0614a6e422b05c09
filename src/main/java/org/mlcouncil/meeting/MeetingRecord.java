package org.mlcouncil.meeting;

import java.time.Instant;
import java.util.List;
import org.mlcouncil.council.CouncilVote;

/** The notes of one ML Review, kept as the JSON variable {@code meetingRecord}. */
public record MeetingRecord(String meetingId, Instant closedAt, String chair, String attendees, String chairNotes,
                            List<Item> items) {

  /**
   * @param outcome {@code decided}, {@code awaiting chair} or {@code carried over}
   * @param decision the council's decision when decided, e.g. {@code approved}
   * @param decidedWithoutQuorumBecause the chair's reason for taking up an item without quorum; else {@code null}
   */
  public record Item(String itemId, String kind, String title, String outcome, String decision, String rationale,
                     List<CouncilVote> votes, String decidedWithoutQuorumBecause) {
  }
}
