package org.mlcouncil.reliability;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcouncil.support.Mailbox;

/**
 * What the SMTP server delivered, as (recipient, subject) pairs with how often each arrived.
 * The app's Message-ID is made anew for every send, so a mail sent twice is recognised by the
 * same recipient receiving the same subject, which names the item's business key, again.
 */
final class Inbox {

  record Mail(String address, String subject) {
  }

  private final GreenMail greenMail;

  Inbox(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Every mail received so far, with the moment each copy arrived. */
  Map<Mail, List<Instant>> received() {
    Map<Mail, List<Instant>> received = new HashMap<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      try {
        // A copy taken at once: the server may add a message while the suite counts.
        StoredMessage[] stored = greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()
            .toArray(StoredMessage[]::new);
        for (StoredMessage message : stored) {
          received.computeIfAbsent(new Mail(user.getEmail(), Mailbox.subject(message.getMimeMessage())),
              mail -> new ArrayList<>()).add(message.getReceivedDate().toInstant());
        }
      } catch (FolderException e) {
        throw new IllegalStateException("No inbox for " + user.getEmail(), e);
      }
    }
    return received;
  }

  /** Copies beyond the first of every mail received more than once. */
  static int duplicates(Map<Mail, List<Instant>> received) {
    return received.values().stream().mapToInt(copies -> copies.size() - 1).sum();
  }

  /**
   * Of the extra copies, those a fault explains: the mail arrived before the fault was over and
   * again after it began. A mail step that sent its mail but could not commit (the node was
   * killed, the database cut) runs again, since SMTP cannot take part in the database's
   * transaction: at-least-once delivery, the one duplicate that cannot be ruled out.
   */
  static int duplicatesAcross(Map<Mail, List<Instant>> received, Instant faultBegan, Instant faultOver) {
    int explained = 0;
    for (List<Instant> copies : received.values()) {
      List<Instant> sorted = copies.stream().sorted().toList();
      if (sorted.size() > 1 && sorted.get(0).isBefore(faultOver)) {
        explained += (int) sorted.stream().skip(1).filter(copy -> copy.isAfter(faultBegan)).count();
      }
    }
    return explained;
  }

  /** How often the address received a mail whose subject contains every one of the texts. */
  static int count(Map<Mail, List<Instant>> received, String address, String... subjectContains) {
    return received.entrySet().stream()
        .filter(entry -> entry.getKey().address().equals(address))
        .filter(entry -> Arrays.stream(subjectContains).allMatch(entry.getKey().subject()::contains))
        .mapToInt(entry -> entry.getValue().size()).sum();
  }

  void clear() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("Cannot empty the mailboxes", e);
    }
  }
}
