package org.mlcouncil.meeting;

import java.util.List;
import java.util.stream.Collectors;
import org.mlcouncil.council.CouncilVote;

/** The agenda as a person reads it in the chair's meeting task: plain text, as the form shows it. */
final class MeetingText {

  private MeetingText() {
  }

  static String agenda(List<AgendaItem> items) {
    if (items.isEmpty()) {
      return "No items await the council this week.";
    }
    return items.stream().map(MeetingText::item).collect(Collectors.joining("\n\n"));
  }

  private static String item(AgendaItem item) {
    String votes = item.votes().isEmpty() ? "no votes yet"
        : item.votes().stream().map(CouncilVote::describe).collect(Collectors.joining("; "));
    return item.itemId() + " (" + item.kind() + ") " + item.title() + "\n"
        + item.votes().size() + " of " + item.voters().size() + " voted: " + votes;
  }
}
