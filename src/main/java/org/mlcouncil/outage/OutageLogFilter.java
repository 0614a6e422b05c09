package org.mlcouncil.outage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Keeps a database outage from filling the log with stack traces: Camunda's command context
 * logs every failed command with one, its REST API every 500, the job executor every failed
 * acquisition, the readiness check every probe and the pool every broken connection, every few
 * seconds while the database is away. A request answered with 503 logs its own line
 * ({@link DatabaseOutage#logAnswered}), so the command context's is dropped; the others become
 * one line naming the cause. Other failures keep their stack traces.
 * Installed in {@code logback-spring.xml}.
 */
public class OutageLogFilter extends TurboFilter {

  private static final Set<String> ANSWERED_ELSEWHERE =
      Set.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception");
  private static final Set<String> ONE_LINE = Set.of("org.camunda.bpm.engine.jobexecutor",
      "org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator", "com.zaxxer.hikari.pool.PoolBase",
      "com.zaxxer.hikari.pool.ProxyConnection");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                            Throwable thrown) {
    boolean answeredElsewhere = ANSWERED_ELSEWHERE.contains(logger.getName());
    if (!level.isGreaterOrEqual(Level.WARN) || !answeredElsewhere && !ONE_LINE.contains(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    SQLException cause = DatabaseOutage.find(thrown != null ? thrown : lastThrowable(params));
    if (cause == null) {
      return FilterReply.NEUTRAL;
    }
    if (!answeredElsewhere) {
      logger.warn("Database not reachable: {}", cause.getMessage());
    }
    return FilterReply.DENY;
  }

  /** SLF4J's convention, which Camunda's loggers follow: the throwable comes last among the arguments. */
  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable
        ? throwable : null;
  }
}
