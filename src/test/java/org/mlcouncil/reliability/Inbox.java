package org.mlcouncil.reliability;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.util.HashMap;
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

  Map<Mail, Integer> received() {
    Map<Mail, Integer> received = new HashMap<>();
    for (GreenMailUser user : greenMail.getUserManager().listUser()) {
      try {
        // A copy taken at once: the server may add a message while the suite counts.
        StoredMessage[] stored = greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()
            .toArray(StoredMessage[]::new);
        for (StoredMessage message : stored) {
          received.merge(new Mail(user.getEmail(), Mailbox.subject(message.getMimeMessage())), 1, Integer::sum);
        }
      } catch (FolderException e) {
        throw new IllegalStateException("No inbox for " + user.getEmail(), e);
      }
    }
    return received;
  }

  /** Copies beyond the first of every mail received more than once. */
  static int duplicates(Map<Mail, Integer> received) {
    return received.values().stream().mapToInt(count -> count - 1).sum();
  }

  /** How often the address received a mail whose subject contains every one of the texts. */
  static int count(Map<Mail, Integer> received, String address, String... subjectContains) {
    return received.entrySet().stream()
        .filter(entry -> entry.getKey().address().equals(address))
        .filter(entry -> java.util.Arrays.stream(subjectContains).allMatch(entry.getKey().subject()::contains))
        .mapToInt(Map.Entry::getValue).sum();
  }

  void clear() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("Cannot empty the mailboxes", e);
    }
  }
}
