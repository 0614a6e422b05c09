package org.mlcouncil.reliability;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcouncil.support.Mailbox;

/**
 * What the SMTP server delivered, as (recipient, subject) pairs with how often each arrived. A
 * mail sent twice is recognised by the same recipient receiving the same subject, which names the
 * item's business key, again (every copy also carries the same Message-ID, which a reader's mail
 * client uses; the subject keeps the report readable).
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

  /**
   * Of the extra copies, those of a mail in flight when the connection was reset: its first copy
   * arrived within {@code window} of the reset, the others after it. The server had stored the
   * mail but its "250 OK" never reached the sender, which therefore tries again; no SMTP client
   * can tell that case from a mail the server lost.
   */
  static int duplicatesInFlight(Map<Mail, List<Instant>> received, Instant reset, Duration window) {
    int explained = 0;
    for (List<Instant> copies : received.values()) {
      List<Instant> sorted = copies.stream().sorted().toList();
      Instant first = sorted.get(0);
      if (sorted.size() > 1 && first.isAfter(reset.minus(window)) && first.isBefore(reset.plus(window))) {
        explained += (int) sorted.stream().skip(1).filter(copy -> copy.isAfter(reset)).count();
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
