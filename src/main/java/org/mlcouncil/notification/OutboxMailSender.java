package org.mlcouncil.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender of a first run without an SMTP server: each message becomes an {@code .eml}
 * file in the outbox folder (any mail client opens it) and one log line.
 */
public class OutboxMailSender extends JavaMailSenderImpl {

  private static final Logger log = LoggerFactory.getLogger(OutboxMailSender.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path outbox;

  public OutboxMailSender(Path outbox) {
    this.outbox = outbox;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
    for (MimeMessage message : mimeMessages) {
      try {
        Files.createDirectories(outbox);
        // saveChanges() would replace the Message-ID by which readers recognise a mail sent twice.
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
          message.setHeader("Message-ID", messageId);
        }
        Path file = outbox.resolve(FILE_TIME.format(LocalDateTime.now()) + "-"
            + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        String to = Arrays.stream(message.getAllRecipients())
            .map(address -> ((InternetAddress) address).getAddress())
            .collect(Collectors.joining(", "));
        log.info("Mail to {}: {} (written to {})", to, message.getSubject(), file);
      } catch (IOException | MessagingException e) {
        throw new MailSendException(Map.of(message, e));
      }
    }
  }
}
