package org.mlcouncil.notification;

import java.time.Duration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * JavaMail waits forever for a silent SMTP server by default, which would hold a sender, and
 * its mail's lock, for good. Every SMTP operation gets {@code mlcouncil.mail.smtp-timeout}, the one
 * setting checked against the lock duration (so {@code spring.mail.properties} cannot undercut it).
 */
final class SmtpTimeouts {

  private static final String[] TIMEOUTS = {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"};

  private SmtpTimeouts() {
  }

  /** Before the first send: the sender builds its mail session from these properties then. */
  static void apply(JavaMailSender mailSender, Duration timeout) {
    if (mailSender instanceof JavaMailSenderImpl sender) {
      for (String property : TIMEOUTS) {
        sender.getJavaMailProperties().put(property, String.valueOf(timeout.toMillis()));
      }
    }
  }
}
