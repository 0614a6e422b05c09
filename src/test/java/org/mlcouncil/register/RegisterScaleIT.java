package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.LogCapture;
import org.mlcouncil.support.TestClock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register with 10,000 items on PostgreSQL: the first page and a filtered page, over the JSON
 * API and as the HTML page, each with its latency printed (not asserted: a shared 2-core machine
 * times nothing reliably) and its SQL statements counted, which must not grow with the page size.
 * The items are rows of the register's own table, written directly (10,000 process instances
 * would take the suite minutes), and removed afterwards for the tests that share the database.
 */
@IntegrationTest
class RegisterScaleIT {

  private static final int ITEMS = 10_000;
  private static final String PREFIX = "SCALE-";
  /** Statement loggers: the platform's JDBC and the engine's MyBatis mappers (identity, authorization). */
  private static final List<String> SQL_LOGGERS =
      List.of("org.springframework.jdbc.core.JdbcTemplate", "org.camunda.bpm.engine.impl.persistence.entity");
  private static final String[] PODS = {"search", "dispatch", "marketing", "forecasting", "fraud"};
  private static final String[] STAGES = {"Screen proposal", "Review proposal", "Amend proposal", "Vote on agenda item",
      "Await ML Review", "Closed"};
  private static final String[] DECISIONS = {"approved", "rejected", "withdrawn", "recommend-buying"};
  private static final String[] PEOPLE = {"paul", "priya", "ivan", "marcus", "nina"};
  private static final String[] WORDS = {"ETA", "ranking", "fraud scoring", "demand forecast", "churn", "pricing"};

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void generate() {
    Instant start = TestClock.SUITE_START.minus(Duration.ofDays(400));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      String stage = STAGES[i % STAGES.length];
      boolean closed = stage.equals("Closed");
      Timestamp submitted = Timestamp.from(start.plus(Duration.ofMinutes(57L * i)));
      String title = WORDS[i % WORDS.length] + " model number " + i;
      String proposer = PEOPLE[i % PEOPLE.length];
      rows.add(new Object[] {String.format("%s%05d", PREFIX, i), "scale-" + i, i % 3 == 0 ? "job description" : "proposal",
          title, PODS[i % PODS.length], proposer, proposer, " " + proposer + " ", stage, submitted,
          closed ? DECISIONS[i % DECISIONS.length] : null, submitted, closed ? submitted : null,
          (PREFIX + i + "\n" + title + "\nthe business problem of item " + i + " in detail").toLowerCase()});
    }
    jdbc.batchUpdate("insert into MLC_REGISTER_ITEM (BUSINESS_KEY_, PROC_INST_ID_, KIND_, TITLE_, POD_, PROPOSER_, "
        + "TECHNICAL_LEAD_, PEOPLE_, STAGE_, STAGE_SINCE_, DECISION_, SUBMITTED_AT_, DECIDED_AT_, SEARCH_TEXT_) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.execute("analyze MLC_REGISTER_ITEM");
  }

  @AfterEach
  void remove() {
    jdbc.update("delete from MLC_REGISTER_ITEM where BUSINESS_KEY_ like ?", PREFIX + "%");
  }

  @Test
  void firstAndFilteredPagesTakeABoundedNumberOfStatementsAt10000Items() throws IOException {
    String filtered = "pod=dispatch&stage=Screen+proposal&decision=open&q=eta&sort=age&dir=desc";
    List<String> report = new ArrayList<>();
    Measured first = measure("first page (API)", () -> api("/api/register/items"));
    Measured filter = measure("filtered page (API)", () -> api("/api/register/items?" + filtered));
    Measured large = measure("first page of 100 (API)", () -> api("/api/register/items?size=100"));
    RegisterSession priya = RegisterSession.login(rest, "priya");
    Measured html = measure("first page (HTML)", () -> page(priya, "/register"));
    Measured htmlFiltered = measure("filtered page (HTML)", () -> page(priya, "/register?" + filtered));
    Measured charts = measure("charts (API)", () -> api("/api/register/charts"));
    Measured chartsHtml = measure("charts (HTML)", () -> page(priya, "/register/charts"));
    for (Measured measured : List.of(first, filter, large, html, htmlFiltered, charts, chartsHtml)) {
      report.add(measured.toString());
      report.addAll(measured.sql);
      System.out.println("RegisterScaleIT: " + measured);
    }
    Files.createDirectories(Path.of("target/register"));
    Files.write(Path.of("target/register/scale.txt"), report);

    assertThat(first.body).contains("\"total\":" + (ITEMS + countOthers()));
    assertThat(filter.body).contains("\"pod\":\"dispatch\"").doesNotContain("\"pod\":\"search\"");
    // Bounded: authentication and groups (engine), then the rows, their count and who they wait for.
    for (Measured measured : List.of(first, filter, large, html, htmlFiltered)) {
      assertThat(measured.statements).as(measured.name).isBetween(3, 10);
    }
    // The charts: authentication and groups, then one aggregate per chart.
    for (Measured measured : List.of(charts, chartsHtml)) {
      assertThat(measured.statements).as(measured.name).isBetween(4, 10);
      assertThat(measured.sql.stream().filter(sql -> sql.contains("MLC_REGISTER_ITEM"))).as(measured.name).hasSize(4);
    }
    assertThat(chartsHtml.body).contains("<svg");
    assertThat(large.statements).as("no statement per row: 100 rows cost what 25 do").isEqualTo(first.statements);
  }

  private long countOthers() {
    Long others = jdbc.queryForObject("select count(*) from MLC_REGISTER_ITEM where BUSINESS_KEY_ not like ?",
        Long.class, PREFIX + "%");
    return others == null ? 0 : others;
  }

  private record Measured(String name, long medianMillis, long maxMillis, int statements, List<String> sql,
                          String body) {

    @Override
    public String toString() {
      return String.format("%-26s median %4d ms, slowest %4d ms, %2d SQL statements", name, medianMillis, maxMillis,
          statements);
    }
  }

  /** A warm-up, then five timed answers; the SQL statements of the last one, on the request's thread. */
  private Measured measure(String name, Supplier<String> call) {
    call.get();
    long[] millis = new long[5];
    for (int i = 0; i < millis.length - 1; i++) {
      long started = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - started) / 1_000_000;
    }
    String body;
    List<String> sql;
    List<Logger> loggers = SQL_LOGGERS.stream().map(logger -> (Logger) LoggerFactory.getLogger(logger)).toList();
    try (LogCapture log = LogCapture.start()) {
      loggers.forEach(logger -> logger.setLevel(Level.DEBUG));
      long started = System.nanoTime();
      body = call.get();
      millis[millis.length - 1] = (System.nanoTime() - started) / 1_000_000;
      sql = log.events().stream().filter(RegisterScaleIT::isStatementOfARequest)
          .map(event -> "    " + event.getFormattedMessage().replaceAll("\\s+", " ")).toList();
    } finally {
      loggers.forEach(logger -> logger.setLevel(null));
    }
    Arrays.sort(millis);
    return new Measured(name, millis[millis.length / 2], millis[millis.length - 1], sql.size(), sql, body);
  }

  private static boolean isStatementOfARequest(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return event.getThreadName().startsWith("http-nio")
        // JdbcTemplate logs a statement's text once, besides a line without it; MyBatis once per statement.
        && (message.startsWith("Executing prepared SQL statement [") || message.startsWith("Executing SQL query [")
        || message.startsWith("Executing SQL statement [") || message.startsWith("==>  Preparing:"));
  }

  private String api(String path) {
    ResponseEntity<String> response = rest.withBasicAuth("priya", "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static String page(RegisterSession session, String path) {
    ResponseEntity<String> response = session.get(path);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

}
