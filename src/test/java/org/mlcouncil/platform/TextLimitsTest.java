package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLimitsTest {

  @Test
  void aTextWithinTheLimitStaysWholeALongerOneIsCutVisibly() {
    assertThat(TextLimits.bounded("short", 10)).isEqualTo("short");
    assertThat(TextLimits.bounded("a".repeat(20), 10)).isEqualTo("aaaaaa […]").hasSize(10);
    assertThat(TextLimits.bounded("😀".repeat(10), 9)).as("no half surrogate pair").isEqualTo("😀😀 […]");
  }

  @Test
  void shortTextsStayWholeAndLongOnesShareTheRoomLeft() {
    List<String> fitted = TextLimits.fitTogether(1000, List.of("x".repeat(5000), "short", "y".repeat(700)));

    assertThat(fitted.get(1)).isEqualTo("short");
    assertThat(fitted.get(0)).startsWith("xxx").endsWith("[…]").hasSizeBetween(497, 498);
    assertThat(fitted.get(2)).startsWith("yyy").endsWith("[…]").hasSizeBetween(497, 498);
    assertThat(String.join("", fitted)).hasSize(1000);
  }

  @Test
  void aSummaryNeverOutgrowsAStringVariable() {
    String summary = TextLimits.summary(texts -> "**Problem:** " + texts.get(0) + "\n\n**Risks:** " + texts.get(1),
        List.of("p".repeat(4000), "r".repeat(4000)));

    assertThat(summary).hasSizeLessThanOrEqualTo(TextLimits.SUMMARY).contains("**Problem:** ppp", "[…]\n\n**Risks:** rrr")
        .endsWith("[…]");
    assertThat(TextLimits.lines(List.of("- fine", "- " + "c".repeat(10_000))))
        .hasSizeLessThanOrEqualTo(TextLimits.SUMMARY).startsWith("- fine\n- ccc");
    assertThat(TextLimits.lines(List.of("- one", "- two"))).isEqualTo("- one\n- two");
  }

  @Test
  void aRefusalQuotesAtMostTheBeginningOfAValue() {
    assertThat(TextLimits.abbreviate("payments")).isEqualTo("payments");
    assertThat(TextLimits.abbreviate("x".repeat(1_000_000))).hasSize(TextLimits.ECHO).endsWith("…");
  }
}
