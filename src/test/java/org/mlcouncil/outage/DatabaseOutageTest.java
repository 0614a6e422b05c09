package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Outages as the pool and the driver really report them, wrapped as Spring and the engine wrap them. */
class DatabaseOutageTest {

  private static String unreachableUrl;

  @BeforeAll
  static void portNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      unreachableUrl = "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/mlcouncil";
    }
  }

  @Test
  void thePoolGivingUpIsAnOutageWhereverItIsWrapped() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(unreachableUrl);
    config.setConnectionTimeout(250);
    config.setInitializationFailTimeout(-1);
    SQLTransientConnectionException timeout;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      timeout = catchThrowableOfType(SQLTransientConnectionException.class, pool::getConnection);
    }

    assertThat(timeout.getMessage()).contains("Connection is not available");
    assertThat((Throwable) DatabaseOutage.find(timeout)).isSameAs(timeout);
    assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", timeout)))
        .as("Spring's transaction manager").isTrue();
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03004 Exception while executing query",
        new PersistenceException(timeout)))).as("the engine, through MyBatis").isTrue();
  }

  @Test
  void aRefusedConnectionIsAnOutage() {
    PSQLException refused = catchThrowableOfType(PSQLException.class,
        () -> DriverManager.getConnection(unreachableUrl, "mlcouncil", ""));

    assertThat(refused.getSQLState()).startsWith("08");
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("flush failed", refused))).isTrue();
  }

  @Test
  void aServerShuttingDownIsAnOutage() {
    // What PostgreSQL sends the open connections when it is stopped.
    SQLException adminShutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

    assertThat(DatabaseOutage.isCause(new PersistenceException(adminShutdown))).isTrue();
  }

  @Test
  void aConnectionCutMidTransactionIsAnOutageThoughTheRollbackFailsToo() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:cut");
    SQLException closed;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Connection connection = pool.getConnection();
      connection.close();
      closed = catchThrowableOfType(SQLException.class, connection::rollback);
    }
    TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed", closed);
    rollbackFailed.initApplicationException(new PersistenceException(
        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));

    assertThat(closed.getMessage()).isEqualTo("Connection is closed");
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("persistence layer", closed)))
        .as("the pool's closed connection").isTrue();
    assertThat(DatabaseOutage.find(new ProcessEngineException("persistence layer", rollbackFailed)).getSQLState())
        .as("the statement's failure, kept aside by Spring").isEqualTo(PSQLState.CONNECTION_FAILURE.getState());
  }

  @Test
  void otherFailuresAreNoOutage() {
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03083 flush failed",
        new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)))).isFalse();
    assertThat(DatabaseOutage.isCause(new BadUserRequestException("comment: say why"))).isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("no cause"))).isFalse();
  }
}
