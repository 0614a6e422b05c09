package org.mlcouncil.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;

/** What the test SMTP server received, filtered the way a reader looks at an inbox. */
public final class Mailbox {

  private Mailbox() {
  }

  /** Every message so far in the address's inbox whose subject contains the text. */
  public static List<MimeMessage> messages(String address, String subjectContains) {
    GreenMail greenMail = TestInfrastructure.greenMail();
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    while (true) {
      try {
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
            .map(StoredMessage::getMimeMessage)
            .filter(message -> subject(message).contains(subjectContains))
            .toList();
      } catch (FolderException e) {
        throw new IllegalStateException("No inbox for " + address, e);
      } catch (ConcurrentModificationException arriving) {
        // GreenMail hands out the inbox's live list; a mail arrived while it was read: read again.
      }
    }
  }

  /** Waits until exactly one such message has arrived and returns it. */
  public static MimeMessage awaitOne(String address, String subjectContains) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !messages(address, subjectContains).isEmpty());
    List<MimeMessage> found = messages(address, subjectContains);
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " messages to " + address + " about '" + subjectContains + "'");
    }
    return found.get(0);
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject() == null ? "" : message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded plain-text part. */
  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  /** The decoded HTML part, exactly as a mail client receives it. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(MimeMessage message, String mimeType) {
    try {
      String found = find(message, mimeType);
      if (found == null) {
        throw new AssertionError("No " + mimeType + " part in '" + subject(message) + "'");
      }
      return found;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = find(multipart.getBodyPart(i), mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
