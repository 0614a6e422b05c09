package org.mlcouncil.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.council.CouncilVote.Decision;

/**
 * An item on the ML Review's agenda: a council review waiting for the meeting.
 *
 * @param reviewId the {@code council-review} process instance the meeting's decision goes to
 * @param kind proposal, job description or technology decision
 * @param itemId the item's business key, e.g. {@code MLP-2026-0042}
 * @param quorumMet enough members voted for unanimous votes to decide without the chair
 */
public record AgendaItem(String reviewId, String kind, String itemId, String title, String summary,
                         List<String> voters, List<CouncilVote> votes, boolean quorumMet) {

  /** The item as a row of the chair's agenda table: the tally per decision and who has not voted. */
  public Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("item", itemId + " " + title);
    row.put("kind", kind);
    row.put("approve", count(Decision.APPROVED));
    row.put("changes", count(Decision.CHANGES_REQUESTED));
    row.put("reject", count(Decision.REJECTED));
    row.put("buy", count(Decision.RECOMMEND_BUYING));
    row.put("notVoted", Math.max(0, voters.size() - votes.size()));
    row.put("quorum", quorumMet ? "yes" : "no");
    return row;
  }

  private long count(Decision decision) {
    return votes.stream().filter(vote -> vote.vote() == decision).count();
  }
}
