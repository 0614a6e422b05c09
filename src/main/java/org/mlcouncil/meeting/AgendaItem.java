package org.mlcouncil.meeting;

import java.util.List;
import org.mlcouncil.council.CouncilVote;

/**
 * An item on the ML Review's agenda: a council review waiting for the meeting.
 *
 * @param reviewId the {@code council-review} process instance the meeting's decision goes to
 * @param kind proposal, job description or technology decision
 * @param itemId the item's business key, e.g. {@code MLP-2026-0042}
 */
public record AgendaItem(String reviewId, String kind, String itemId, String title, String summary,
                         List<String> voters, List<CouncilVote> votes) {
}
