package org.mlcouncil.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * How long a text may be where the platform keeps or shows it.
 *
 * <p>Camunda keeps a String variable in a {@code varchar(4000)} column (runtime and history
 * alike); a longer value fails the whole transaction with a persistence error. So every text
 * a person types is limited to {@link #STRING_VARIABLE} characters (form and server alike; a
 * longer job description is given as a link), and every text the platform builds from such
 * texts (summaries, agendas, reasons) is cut to {@link #SUMMARY}. Java counts UTF-16 units,
 * never fewer than the database's characters, so a text within the limit always fits.
 */
public final class TextLimits {

  /** The most characters a String variable holds. */
  public static final int STRING_VARIABLE = 4000;
  /** The most characters of a text the platform builds, with room to spare below the column. */
  public static final int SUMMARY = 3900;
  /** How much of a submitted value a refusal message repeats. */
  public static final int ECHO = 60;
  /** Marks where a text was cut, as editors mark an omission. */
  static final String CUT = " […]";

  private TextLimits() {
  }

  /** The text, or its beginning followed by a visible {@value #CUT}, so it has at most {@code max} characters. */
  public static String bounded(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    if (max <= CUT.length()) {
      return CUT.strip();
    }
    return beginning(text, max - CUT.length()) + CUT;
  }

  /** A submitted value as a refusal repeats it: its first {@value #ECHO} characters at most. */
  public static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= ECHO ? text : beginning(text, ECHO - 1) + "…";
  }

  /**
   * A text the platform builds around texts people typed, at most {@link #SUMMARY} characters:
   * {@code compose} puts the texts in place; when they do not all fit, the short ones stay whole
   * and the long ones share the room left, each cut visibly.
   */
  public static String summary(Function<List<String>, String> compose, List<String> texts) {
    int frame = compose.apply(Collections.nCopies(texts.size(), "")).length();
    return bounded(compose.apply(fitTogether(SUMMARY - frame, texts)), SUMMARY);
  }

  /** One line per text, as a summary: when they do not all fit, the long lines are cut. */
  public static String lines(List<String> lines) {
    return summary(texts -> String.join("\n", texts), lines);
  }

  /** The texts, each whole or cut so that together they have at most {@code room} characters. */
  static List<String> fitTogether(int room, List<String> texts) {
    List<String> fitted = new ArrayList<>(texts);
    List<Integer> shortestFirst = IntStream.range(0, texts.size()).boxed()
        .sorted(Comparator.comparingInt(index -> length(texts.get(index)))).toList();
    int left = Math.max(0, room);
    for (int rank = 0; rank < shortestFirst.size(); rank++) {
      int index = shortestFirst.get(rank);
      int share = left / (shortestFirst.size() - rank);
      fitted.set(index, bounded(texts.get(index), share));
      left -= length(fitted.get(index));
    }
    return fitted;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  /** The first characters of a text, never ending in half a surrogate pair. */
  private static String beginning(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end).stripTrailing();
  }
}
