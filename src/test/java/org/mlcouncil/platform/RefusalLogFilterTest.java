package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private static String stackTrace(Throwable exception) {
    StringWriter text = new StringWriter();
    exception.printStackTrace(new PrintWriter(text));
    return text.toString();
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
  void aRefusalTheRestApiLogsAsTextIsOneLine() {
    Logger rest = context.getLogger("org.camunda.bpm.engine.rest.exception");
    rest.warn("ENGINE-REST-HTTP500 " + stackTrace(new ProcessEngineException("ENGINE-03051 listener failed",
        new BadUserRequestException("Four-eyes rule: sarah is the proposer of MLP-1"))));
    rest.warn("ENGINE-REST-HTTP500 " + stackTrace(new ProcessEngineException("database down")));

    assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN);
    assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("Refused: Four-eyes rule: sarah is the proposer of MLP-1");
    assertThat(appender.list.get(1).getFormattedMessage()).as("a failure keeps its stack trace")
        .contains("database down").contains("\tat org.mlcouncil.platform.RefusalLogFilterTest");
  }

  @Test
  void otherLoggersAreLeftAsTheyLog() {
    context.getLogger("org.mlcouncil.notification").error("mail failed", new BadUserRequestException("bad address"));

    assertThat(appender.list).singleElement()
        .satisfies(event -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo("bad address"));
  }
}
