package org.mlcouncil.outage;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The PostgreSQL driver settings the platform relies on. Timeouts bound every wait on PostgreSQL,
 * so that a database that is down or silently unreachable fails a request or a health check
 * within seconds instead of hanging it: without them the driver waits for the operating system's
 * TCP timeouts, minutes on a dropped network. Set here rather than in the JDBC URL so that an
 * operator's plain {@code MLCOUNCIL_DB_URL} gets them; a parameter in the URL, or
 * {@code spring.datasource.hikari.data-source-properties.*}, still wins.
 */
public class PostgresDriverSettings implements BeanPostProcessor {

  /** pgjdbc properties; timeouts in seconds. */
  static final Map<String, String> DRIVER_PROPERTIES = Map.of(
      // Opening the TCP connection, then opening it and logging in.
      "connectTimeout", "3",
      "loginTimeout", "5",
      // Longest wait for the server's answer to a statement: far above any of the platform's
      // queries (milliseconds), far below the 30 s the issue saw requests hang.
      "socketTimeout", "10",
      // Lets the operating system notice a peer that vanished while a connection sat idle.
      "tcpKeepAlive", "true",
      // The engine flushes a transaction's inserts as JDBC batches, one per table: each goes to
      // the server as one multi-row INSERT instead of a statement per row (the benchmark's
      // lifecycle: 1,427 statements became 1,097). The engine accepts the batch's "no count"
      // answer for inserts; updates and deletes, whose counts it checks, are not rewritten.
      "reWriteBatchedInserts", "true");

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      DRIVER_PROPERTIES.forEach((name, value) -> {
        if (!pool.getDataSourceProperties().containsKey(name)) {
          pool.addDataSourceProperty(name, value);
        }
      });
    }
    return bean;
  }
}
