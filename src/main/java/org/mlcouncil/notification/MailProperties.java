package org.mlcouncil.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender address of every mail
 * @param outbox folder for {@code .eml} files when no SMTP host is configured
 * @param retryDelays waits between the tries of a mail that could not be sent; once they are
 *     used up the mail becomes an incident in Cockpit
 * @param lockDuration how long a node owns a mail it fetched: a mail whose node died mid-send is
 *     sent again after this time
 * @param pollInterval how often each sender looks for mail created on another node (mail created
 *     on this node wakes the senders at once)
 * @param senders threads that send mail, each one SMTP conversation at a time
 * @param smtpTimeout connect, read and write timeout of every SMTP operation; well below
 *     {@code lockDuration}, so a silent server fails a send before another sender may take it over
 * @param announcementRetention how long the record of a sent task announcement is kept (the
 *     item's timeline shows it); as long as the history of {@code task-notification}
 */
@ConfigurationProperties("mlcouncil.mail")
public record MailProperties(String from, Path outbox, List<Duration> retryDelays, Duration lockDuration,
                             Duration pollInterval, int senders, Duration smtpTimeout,
                             Duration announcementRetention) {

  public MailProperties {
    if (retryDelays == null || retryDelays.isEmpty()) {
      throw new IllegalArgumentException("mlcouncil.mail.retry-delays needs at least one delay");
    }
    if (senders < 1) {
      throw new IllegalArgumentException("mlcouncil.mail.senders must be at least 1");
    }
    if (smtpTimeout.multipliedBy(2).compareTo(lockDuration) > 0) {
      throw new IllegalArgumentException("mlcouncil.mail.smtp-timeout must be at most half of lock-duration ("
          + lockDuration + "), or a slow send could be taken over and sent twice");
    }
    retryDelays = List.copyOf(retryDelays);
    if (announcementRetention == null) {
      announcementRetention = Duration.ofDays(30);
    }
  }
}
