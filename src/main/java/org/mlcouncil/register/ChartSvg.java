package org.mlcouncil.register;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG, drawn on the server so the pages load no script. Every
 * text in a chart may come from a user (titles, stage names of a process owner's model), so each
 * is escaped here: the page inserts the SVG unescaped. Colours are presentation attributes, not
 * styles, which the register's Content-Security-Policy would refuse inline.
 */
public final class ChartSvg {

  static final int WIDTH = 720;
  private static final int LABEL_WIDTH = 300;
  private static final int BAR_WIDTH = 300;
  private static final int ROW = 24;
  private static final int MAX_LABEL = 44;

  private ChartSvg() {
  }

  /**
   * One row of a chart.
   *
   * @param behind a second, larger figure drawn lighter behind the bar (a p90 behind its median), or {@code null}
   * @param text the figures as the row shows them after its bar
   */
  record Bar(String label, double value, Double behind, String text) {
  }

  /** The four charts of the charts page. */
  public record Pictures(String funnel, String leadTimes, String decisions, String waiting) {
  }

  static Pictures of(RegisterCharts.Figures figures) {
    RegisterCharts.Funnel funnel = figures.funnel();
    return new Pictures(
        bars("Proposals: submitted, screened, pod-approved, council-approved", List.of(
            new Bar("Submitted", funnel.submitted(), null, count(funnel.submitted())),
            new Bar("Screened", funnel.screened(), null, count(funnel.screened())),
            new Bar("Pod-approved", funnel.podApproved(), null, count(funnel.podApproved())),
            new Bar("Council-approved", funnel.councilApproved(), null, count(funnel.councilApproved())))),
        bars("Lead time per stage and month: median, with p90 behind, in hours", figures.leadTimes().stream()
            .map(lead -> new Bar(lead.month() + " · " + lead.stage(), lead.medianHours(), lead.p90Hours(),
                "median " + number(lead.medianHours()) + " h · p90 " + number(lead.p90Hours()) + " h"))
            .toList()),
        bars("Decisions by kind and pod", figures.decisions().stream()
            .map(decided -> new Bar(decided.kind() + " · " + (decided.pod() == null ? "no pod" : decided.pod())
                + " · " + decided.decision(), decided.count(), null, count(decided.count())))
            .toList()),
        bars("Open items waiting longest in their stage, in days", figures.waiting().stream()
            .map(item -> new Bar(item.key() + " · " + (item.title() == null ? "" : item.title()), item.daysInStage(),
                null, item.daysInStage() + " d in " + item.stage()))
            .toList()));
  }

  /** A chart of {@code bars}, scaled to its largest figure; an empty chart says so. */
  static String bars(String title, List<Bar> bars) {
    int height = ROW * Math.max(1, bars.size()) + 8;
    double max = bars.stream().mapToDouble(bar -> Math.max(bar.value(), bar.behind() == null ? 0 : bar.behind()))
        .max().orElse(0);
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\"><title>").append(escape(title)).append("</title>");
    if (bars.isEmpty()) {
      svg.append(text(0, ROW - 8, "start", "Nothing to show yet."));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = i * ROW + 4;
      svg.append(text(LABEL_WIDTH - 8, y + ROW - 10, "end", shortened(bar.label())));
      if (bar.behind() != null) {
        svg.append(rect(y, length(bar.behind(), max), "#c6d4e6"));
      }
      int length = length(bar.value(), max);
      svg.append(rect(y, length, "#2f5d8c"));
      int end = Math.max(length, bar.behind() == null ? 0 : length(bar.behind(), max));
      svg.append(text(LABEL_WIDTH + end + 6, y + ROW - 10, "start", bar.text()));
    }
    return svg.append("</svg>").toString();
  }

  private static int length(double value, double max) {
    return max <= 0 || value <= 0 ? 0 : (int) Math.max(1, Math.round(value / max * BAR_WIDTH));
  }

  private static String rect(int y, int length, String fill) {
    return "<rect x=\"" + LABEL_WIDTH + "\" y=\"" + (y + 3) + "\" width=\"" + length + "\" height=\"" + (ROW - 8)
        + "\" fill=\"" + fill + "\"/>";
  }

  private static String text(int x, int y, String anchor, String text) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor
        + "\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#222\">" + escape(text) + "</text>";
  }

  /** A long label would run into its bar; the table below the chart has it in full. */
  private static String shortened(String label) {
    if (label.length() <= MAX_LABEL) {
      return label;
    }
    int end = Character.isHighSurrogate(label.charAt(MAX_LABEL - 2)) ? MAX_LABEL - 2 : MAX_LABEL - 1;
    return label.substring(0, end) + "…";
  }

  private static String count(long count) {
    return String.valueOf(count);
  }

  static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
