package org.mlcouncil.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Marker;

/**
 * Logs a refused user action in one line instead of the 100 to 300 lines of stack trace Camunda
 * logs at ERROR: its command context logs every exception a listener threw, and its REST API
 * every 500 of the webapps' own API. Failures keep their stack traces. Installed in
 * {@code logback-spring.xml}.
 */
public class RefusalLogFilter extends TurboFilter {

  /** Camunda's command context and its REST exception handler. */
  private static final Set<String> CAMUNDA_EXCEPTION_LOGGERS =
      Set.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                            Throwable thrown) {
    if (!level.isGreaterOrEqual(Level.WARN) || !CAMUNDA_EXCEPTION_LOGGERS.contains(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    String refusal = refusal(thrown != null ? thrown : lastThrowable(params), format, params);
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    logger.info("Refused: {}", refusal);
    return FilterReply.DENY;
  }

  /** Camunda's command context logs the exception; its REST API the stack trace, as the message. */
  private static String refusal(Throwable thrown, String format, Object[] params) {
    if (thrown != null) {
      RuntimeException refusal = Refusals.find(thrown);
      return refusal == null ? null : refusal.getMessage();
    }
    Stream<Object> texts = Stream.concat(Stream.of(format), params == null ? Stream.empty() : Arrays.stream(params));
    return texts.filter(String.class::isInstance).map(text -> Refusals.findInStackTrace((String) text))
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** SLF4J's convention, which Camunda's loggers follow: the throwable comes last among the arguments. */
  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable
        ? throwable : null;
  }
}
