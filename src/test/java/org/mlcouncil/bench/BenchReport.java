package org.mlcouncil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's one Markdown table, written to {@code target/bench/report.md} after every part,
 * so a run cut short still leaves what it measured.
 */
public final class BenchReport {

  private static final Path FILE = Path.of("target", "bench", "report.md");

  private final String machine;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public BenchReport(String machine) {
    this.machine = machine;
  }

  public synchronized void add(Figure figure) {
    figures.add(figure);
    System.out.printf("[bench] %s | %s | %s%s%n", figure.section(), figure.what(), figure.value(),
        figure.target().isEmpty() ? "" : " (target " + figure.target() + ": " + figure.verdict() + ")");
  }

  /** A sentence under the table, e.g. why a part could not finish. */
  public synchronized void note(String note) {
    notes.add(note);
    System.out.println("[bench] note: " + note);
  }

  public synchronized String markdown() {
    StringBuilder table = new StringBuilder("| Section | Figure | Value | Target | Met |\n|---|---|---|---|---|\n");
    for (Figure figure : figures) {
      table.append("| ").append(cell(figure.section())).append(" | ").append(cell(figure.what())).append(" | ")
          .append(cell(figure.value())).append(" | ").append(cell(figure.target())).append(" | ")
          .append(switch (figure.verdict()) {
            case MET -> "yes";
            case MISSED -> "**no**";
            case NONE -> "";
          }).append(" |\n");
    }
    StringBuilder text = new StringBuilder("Measured on ").append(machine).append(".\n\n").append(table);
    if (!notes.isEmpty()) {
      text.append('\n');
      notes.forEach(note -> text.append("- ").append(note).append('\n'));
    }
    return text.toString();
  }

  public synchronized void write() {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
