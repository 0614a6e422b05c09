package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger commandContext = context.getLogger("org.camunda.bpm.engine.context");

  @BeforeEach
  void installFilter() {
    RefusalLogFilter filter = new RefusalLogFilter();
    filter.start();
    context.addTurboFilter(filter);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @Test
  void aRefusalTheEngineWrappedIsOneLineWithoutStackTrace() {
    commandContext.error("ENGINE-16004 Exception while closing command context: {}", "listener failed",
        new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener",
            new BadUserRequestException("decision: choose approve, request-changes or reject")));

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getFormattedMessage()).isEqualTo("Refused: decision: choose approve, request-changes or reject");
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void aFailureKeepsItsStackTrace() {
    commandContext.error("ENGINE-16004 Exception while closing command context: {}", "database down",
        new ProcessEngineException("database down"));

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database down");
    });
  }

  @Test
  void otherLoggersAreLeftAsTheyLog() {
    context.getLogger("org.mlcouncil.notification").error("mail failed", new BadUserRequestException("bad address"));

    assertThat(appender.list).singleElement()
        .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo("bad address"));
  }
}
