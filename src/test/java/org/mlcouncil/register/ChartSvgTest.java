package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartSvgTest {

  private static final RegisterCharts.Figures FIGURES = new RegisterCharts.Figures(
      new RegisterCharts.Funnel(10, 8, 4, 2),
      List.of(new RegisterCharts.LeadTime("2026-11", "Review proposal", 4, 12.5, 30)),
      List.of(new RegisterCharts.Decisions("proposal", "search", "approved", 2),
          new RegisterCharts.Decisions("technology decision", null, "rejected", 1)),
      List.of(new RegisterCharts.Waiting("MLP-2026-0001", "proposal", "<script>alert('x')</script> & \"more\"",
          "Review proposal", Instant.parse("2026-10-01T09:00:00Z"), 56)));

  @Test
  void barsAreScaledToTheLargestFigure() throws Exception {
    Document funnel = parse(ChartSvg.of(FIGURES).funnel());
    NodeList bars = funnel.getElementsByTagName("rect");
    assertThat(bars.getLength()).isEqualTo(4);
    assertThat(widths(bars)).containsExactly(300, 240, 120, 60);
    assertThat(texts(funnel)).contains("Submitted", "10", "Council-approved", "2");
    assertThat(funnel.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Proposals: submitted, screened, pod-approved, council-approved");
  }

  @Test
  void theP90IsALongerBarBehindItsMedian() throws Exception {
    Document lead = parse(ChartSvg.of(FIGURES).leadTimes());
    NodeList bars = lead.getElementsByTagName("rect");
    assertThat(widths(bars)).containsExactly(300, 125);
    assertThat(texts(lead)).contains("2026-11 · Review proposal", "median 12.5 h · p90 30 h");
  }

  @Test
  void userTextIsEscapedAndTheChartStaysWellFormed() throws Exception {
    String svg = ChartSvg.of(FIGURES).waiting();
    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)");
    assertThat(texts(parse(svg))).contains("56 d in Review proposal")
        .anyMatch(text -> text.startsWith("MLP-2026-0001 · <script>alert('x')") && text.endsWith("…"));
    assertThat(texts(parse(ChartSvg.of(FIGURES).decisions()))).contains("technology decision · no pod · rejected");
  }

  @Test
  void anEmptyChartSaysSo() throws Exception {
    Document empty = parse(ChartSvg.bars("Nothing", List.of()));
    assertThat(empty.getElementsByTagName("rect").getLength()).isZero();
    assertThat(texts(empty)).containsExactly("Nothing to show yet.");
  }

  @Test
  void allZeroFiguresDrawNoBars() throws Exception {
    Document zero = parse(ChartSvg.bars("Zero", List.of(new ChartSvg.Bar("none", 0, null, "0"))));
    assertThat(widths(zero.getElementsByTagName("rect"))).containsExactly(0);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Integer> widths(NodeList rects) {
    return java.util.stream.IntStream.range(0, rects.getLength())
        .mapToObj(i -> Integer.parseInt(rects.item(i).getAttributes().getNamedItem("width").getNodeValue())).toList();
  }

  private static List<String> texts(Document svg) {
    NodeList texts = svg.getElementsByTagName("text");
    return java.util.stream.IntStream.range(0, texts.getLength()).mapToObj(i -> texts.item(i).getTextContent())
        .toList();
  }
}
