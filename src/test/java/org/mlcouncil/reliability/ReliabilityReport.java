package org.mlcouncil.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code target/reliability/summary.md}: one row per scenario with exact counts, then each
 * scenario's own figures. Written after every scenario, whether it passed or not, so a red run
 * still shows what was measured.
 */
final class ReliabilityReport {

  static final Path SUMMARY = Path.of("target", "reliability", "summary.md");

  private final List<String> settings;
  private final List<Row> rows = new ArrayList<>();

  ReliabilityReport(List<String> settings) {
    this.settings = settings;
  }

  synchronized Row row(String scenario) {
    Row row = new Row(scenario);
    rows.add(row);
    return row;
  }

  synchronized void write() {
    StringBuilder md = new StringBuilder("# Fault suite\n\n")
        .append("Written ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(" by FaultSuiteIT: the packaged app in its own JVM (prod profile) on an embedded PostgreSQL server, ")
        .append("GreenMail as the SMTP server, faults injected by killing the JVM and by TCP proxies.\n\n")
        .append("Settings the suite passes to every node: `").append(String.join("` `", settings)).append("`\n\n")
        .append("| scenario | load | fault | acknowledged | lost | duplicated | 5xx | verdict |\n")
        .append("|---|---|---|---:|---:|---:|---:|---|\n");
    for (Row row : rows) {
      md.append("| ").append(String.join(" | ", row.scenario, row.load, row.fault, String.valueOf(row.acknowledged),
          String.valueOf(row.lost), String.valueOf(row.duplicated), String.valueOf(row.serverErrors),
          row.verdict())).append(" |\n");
    }
    for (Row row : rows) {
      md.append("\n## ").append(row.scenario).append("\n\n");
      row.figures.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
      row.targets.forEach((target, met) -> md.append("- target ").append(met ? "met" : "**missed**").append(": ")
          .append(target).append('\n'));
      if (row.error != null) {
        md.append("- the scenario could not finish: ").append(row.error).append('\n');
      }
    }
    try {
      Files.createDirectories(SUMMARY.getParent());
      Files.writeString(SUMMARY, md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One scenario: the table's columns, its figures and its targets. */
  static final class Row {

    private final String scenario;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Map<String, Boolean> targets = new LinkedHashMap<>();
    String load = "";
    String fault = "";
    int acknowledged;
    int lost;
    int duplicated;
    int serverErrors;
    private String error;

    private Row(String scenario) {
      this.scenario = scenario;
    }

    void figure(String name, Object value) {
      figures.put(name, String.valueOf(value));
    }

    void target(String description, boolean met) {
      targets.put(description, met);
    }

    /** The scenario stopped before it could measure everything, e.g. a node did not start. */
    void failed(Throwable cause) {
      error = cause.toString().replace('\n', ' ').replace('|', '/');
    }

    String verdict() {
      if (error != null) {
        return "ERROR (see below)";
      }
      List<String> missed = targets.entrySet().stream().filter(target -> !target.getValue()).map(Map.Entry::getKey)
          .toList();
      return missed.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", missed);
    }

    /** Fails the test for every missed target, after the report shows them. */
    void assertTargetsMet() {
      if (!verdict().equals("PASS")) {
        throw new AssertionError(scenario + ": " + verdict() + (error != null ? " " + error : ""));
      }
    }
  }
}
