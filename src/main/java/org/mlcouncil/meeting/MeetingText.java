package org.mlcouncil.meeting;

import java.util.ArrayList;
import java.util.List;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.platform.TextLimits;

/** The agenda as a person reads it in the chair's meeting task: plain text, as the form shows it. */
final class MeetingText {

  private MeetingText() {
  }

  /**
   * Every item with its votes. The agenda is a String variable, so when titles and comments do
   * not all fit, the long ones are cut; every item keeps its key, kind and count of votes.
   */
  static String agenda(List<AgendaItem> items) {
    if (items.isEmpty()) {
      return "No items await the council this week.";
    }
    List<String> texts = new ArrayList<>();
    for (AgendaItem item : items) {
      texts.add(item.title());
      item.votes().stream().map(CouncilVote::describe).forEach(texts::add);
    }
    return TextLimits.summary(fitted -> {
      List<String> entries = new ArrayList<>();
      int next = 0;
      for (AgendaItem item : items) {
        String title = fitted.get(next++);
        List<String> votes = fitted.subList(next, next + item.votes().size());
        next += votes.size();
        entries.add(item.itemId() + " (" + item.kind() + ") " + title + "\n"
            + item.votes().size() + " of " + item.voters().size() + " voted: "
            + (votes.isEmpty() ? "no votes yet" : String.join("; ", votes)));
      }
      return String.join("\n\n", entries);
    }, texts);
  }
}
