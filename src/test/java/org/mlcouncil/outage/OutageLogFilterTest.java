package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class OutageLogFilterTest {

  private static final SQLTransientConnectionException TIMEOUT = new SQLTransientConnectionException(
      "HikariPool-1 - Connection is not available, request timed out after 3000ms");

  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void installFilter() {
    OutageLogFilter filter = new OutageLogFilter();
    filter.start();
    context.addTurboFilter(filter);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @Test
  void theCommandContextLeavesAnOutageToTheRequestsAnswer() {
    context.getLogger("org.camunda.bpm.engine.context").error("ENGINE-16004 Exception while closing command context: {}",
        "timeout", new ProcessEngineException("ENGINE-03004 query failed", TIMEOUT));

    assertThat(appender.list).isEmpty();
  }

  @Test
  void theJobExecutorTheHealthCheckAndThePoolLogAnOutageInOneLine() {
    context.getLogger("org.camunda.bpm.engine.jobexecutor").warn("ENGINE-14022 Exception during job acquisition {}",
        "timeout", new ProcessEngineException("acquisition failed", TIMEOUT));
    context.getLogger("org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator")
        .warn("DataSource health check failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", TIMEOUT));
    context.getLogger("com.zaxxer.hikari.pool.PoolBase").warn("{} - Pool is empty, failed to create/setup connection",
        "HikariPool-1", TIMEOUT);

    assertThat(appender.list).hasSize(3).allSatisfy(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).isEqualTo("Database not reachable: " + TIMEOUT.getMessage());
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void otherFailuresKeepTheirStackTraces() {
    context.getLogger("org.camunda.bpm.engine.context").error("ENGINE-16004 Exception while closing command context: {}",
        "bug", new ProcessEngineException("NullPointerException in a delegate"));

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo("NullPointerException in a delegate");
    });
  }
}
