package org.mlcouncil.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Renders a mail template and sends it as one message to all recipients, so a retried send
 * never reaches some people twice. Call it from an asynchronous BPMN step only: a failure
 * then retries and ends as an incident instead of failing the user's click.
 */
@Component
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final MailTemplates templates;
  private final JavaMailSender mailSender;
  private final MailProperties properties;

  public Notifier(MailTemplates templates, JavaMailSender mailSender, MailProperties properties) {
    this.templates = templates;
    this.mailSender = mailSender;
    this.properties = properties;
  }

  public void send(String template, Collection<String> addresses, Map<String, ?> model) {
    if (addresses.isEmpty()) {
      log.warn("Mail '{}' has no recipient with an address: nothing sent", template);
      return;
    }
    RenderedMail mail = templates.render(template, model);
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(addresses.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build mail '" + template + "'", e);
    }
    mailSender.send(message);
    log.debug("Mail sent to {}: {}", String.join(", ", addresses), mail.subject());
  }
}
