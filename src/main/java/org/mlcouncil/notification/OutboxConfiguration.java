package org.mlcouncil.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Without {@code spring.mail.host} Spring Boot creates no mail sender; the outbox takes its place. */
@Configuration
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
public class OutboxConfiguration {

  @Bean
  public JavaMailSender outboxMailSender(MailProperties properties) {
    return new OutboxMailSender(properties.outbox());
  }
}
