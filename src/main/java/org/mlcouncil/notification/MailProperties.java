package org.mlcouncil.notification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender address of every mail
 * @param retryCycle Camunda retry cycle of mail steps, e.g. {@code R3/PT1M}; after the last
 *     try the step becomes an incident in Cockpit
 * @param outbox folder for {@code .eml} files when no SMTP host is configured
 */
@ConfigurationProperties("mlcouncil.mail")
public record MailProperties(String from, String retryCycle, Path outbox) {
}
