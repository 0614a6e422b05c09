package org.mlcouncil.notification;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mail}: DOWN while this node's latest send failed or mails wait for an
 * operator (no retries left, an incident each), UP otherwise. It is not part of the readiness
 * group: an SMTP outage delays mail, it does not stop anyone working, so the node stays in the
 * load balancer. The counts are of all nodes; the last success and failure are this node's.
 *
 * <p>Named like Spring Boot's own mail indicator, which it replaces: that one opens an SMTP
 * connection on every health call and so hangs as long as a silent server does.
 */
@Component
class MailHealthIndicator extends AbstractHealthIndicator {

  private final JdbcTemplate jdbc;
  private final String externalTaskTable;
  private final MailActivity activity;

  MailHealthIndicator(JdbcTemplate jdbc, ManagementService managementService, MailActivity activity) {
    super("Mail health check failed");
    this.jdbc = jdbc;
    this.externalTaskTable = managementService.getTableName(ExternalTaskEntity.class);
    this.activity = activity;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    // One count query instead of three engine queries: health is polled often, mail piles up in an outage.
    MailCounts counts = jdbc.queryForObject("select count(*), "
            + "coalesce(sum(case when RETRIES_ > 0 then 1 else 0 end), 0), "
            + "coalesce(sum(case when RETRIES_ = 0 then 1 else 0 end), 0) "
            + "from " + externalTaskTable + " where TOPIC_NAME_ = ?",
        (row, number) -> new MailCounts(row.getLong(1), row.getLong(2), row.getLong(3)), MailComposer.TOPIC);
    long announcements = jdbc.queryForObject(Announcements.PENDING_COUNT, Long.class);
    if (activity.failing() || counts.noRetriesLeft() > 0) {
      health.down();
    } else {
      health.up();
    }
    health.withDetail("pending", counts.pending() + announcements)
        .withDetail("waitingForRetry", counts.waitingForRetry())
        .withDetail("noRetriesLeft", counts.noRetriesLeft());
    activity.lastSuccess().ifPresent(success -> health.withDetail("lastSuccess", success.at().toString()));
    activity.lastFailure().ifPresent(failure -> health.withDetail("lastFailure", failure.at().toString())
        .withDetail("lastFailureReason", failure.failure()));
  }

  /**
   * @param pending mail steps not sent yet, whatever their state
   * @param waitingForRetry mails that failed and wait for their next try
   * @param noRetriesLeft mails whose delays are used up: incidents, an operator's turn
   */
  private record MailCounts(long pending, long waitingForRetry, long noRetriesLeft) {
  }
}
