package org.mlcouncil.outage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that failed because the database cannot be reached, told apart from any other
 * failure by its causes, and answered with 503 and a one-line reason instead of a 500 with a
 * stack trace. The platform needs no repair afterwards: the connection pool reconnects by itself.
 */
public final class DatabaseOutage {

  public static final int STATUS = 503;
  public static final String TYPE = "ServiceUnavailable";
  public static final String MESSAGE = "The database is not reachable; try again in a minute";
  /** Seconds a client should wait; the pool reconnects within seconds of the database's return. */
  public static final String RETRY_AFTER = "60";

  private static final String HIKARI_CLOSED = "Connection is closed";
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  private DatabaseOutage() {
  }

  /** The body of every 503 answer: {@code {"type": "ServiceUnavailable", "message": "…"}}. */
  public static Reason body() {
    return new Reason(TYPE, MESSAGE);
  }

  /** An answer's body, in the shape of the REST API's error answers. */
  public record Reason(String type, String message) {
  }

  /**
   * The connection failure among {@code exception} and its causes, or {@code null} when the
   * exception is no outage: the pool gave up waiting for a connection (Hikari's
   * {@link SQLTransientConnectionException}, which Spring and the engine wrap), or the driver
   * reports a connection exception (SQLState class 08) or a server shutting down (57P01-57P03), or
   * the pool refuses a connection it closed as broken.
   */
  public static SQLException find(Throwable exception) {
    for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof SQLException sql && (sql instanceof SQLTransientConnectionException
          || isConnectionState(sql.getSQLState()) || isClosedPoolConnection(sql))) {
        return sql;
      }
      // A connection cut mid-transaction fails the statement, then the rollback on the dead
      // connection; Spring then reports the rollback and keeps the statement's failure aside.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        SQLException original = find(rollback.getApplicationException());
        if (original != null) {
          return original;
        }
      }
    }
    return null;
  }

  /** Hikari's answer on a connection it already closed as broken: no SQLState, only this text. */
  private static boolean isClosedPoolConnection(SQLException sql) {
    return sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage());
  }

  public static boolean isCause(Throwable exception) {
    return find(exception) != null;
  }

  /** The one line a request answered 503 logs, naming what the driver or pool said. */
  public static void logAnswered(String method, String path, Throwable exception) {
    SQLException cause = find(exception);
    log.warn("{} {} answered {}: database not reachable ({})", method, path, STATUS,
        cause == null ? exception.getMessage() : cause.getMessage());
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
  }
}
