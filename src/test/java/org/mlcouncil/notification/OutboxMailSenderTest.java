package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.MimeMessageHelper;

class OutboxMailSenderTest {

  @TempDir Path outbox;

  @Test
  void writesEachMailAsAnEmlFileKeepingItsMessageId() throws Exception {
    OutboxMailSender sender = new OutboxMailSender(outbox);
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("ml-council@mlcouncil.example");
    helper.setTo("paul@mlcouncil.example");
    helper.setSubject("[ML Council] Test");
    helper.setText("text", "<p>html</p>");
    message.setHeader("Message-ID", "<mail-42@mlcouncil.example>");

    sender.send(message);

    List<Path> files;
    try (var listing = Files.list(outbox)) {
      files = listing.toList();
    }
    assertThat(files).singleElement().satisfies(file -> assertThat(file.toString()).endsWith(".eml"));
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage written = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(written.getMessageID()).isEqualTo("<mail-42@mlcouncil.example>");
      assertThat(written.getSubject()).isEqualTo("[ML Council] Test");
    }
  }
}
