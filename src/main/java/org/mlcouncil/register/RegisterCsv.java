package org.mlcouncil.register;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The register as CSV (RFC 4180), for a spreadsheet: what the list shows, one item a line. */
final class RegisterCsv {

  private static final List<String> HEADER = List.of("key", "kind", "title", "pod", "proposer", "technical lead",
      "stage", "waiting for", "age in stage", "decision", "rationale", "ML Review", "submitted", "decided");

  private RegisterCsv() {
  }

  static void write(Register register, Viewer viewer, RegisterSearch search, HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal is still an ordinary error answer.
    Register.requireReader(viewer);
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"ml-register.csv\"");
    Writer out = response.getWriter();
    line(out, HEADER);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    register.export(viewer, search, item -> line(out, List.of(item.key(), item.kind(), value(item.title()),
        value(item.pod()), value(item.proposer()), value(item.technicalLead()), item.stage(),
        String.join("; ", item.waitingFor()), item.isOpen() ? item.ageInStage(now) : "", value(item.decision()),
        value(item.rationale()), value(item.meetingId()), String.valueOf(item.submittedAt()),
        item.decidedAt() == null ? "" : item.decidedAt().toString())));
    out.flush();
  }

  private static String value(String text) {
    return text == null ? "" : text;
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    out.write(line.append("\r\n").toString());
  }

  /** Quoted, and a typed text that a spreadsheet would run as a formula starts with an apostrophe. */
  static String cell(String text) {
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
