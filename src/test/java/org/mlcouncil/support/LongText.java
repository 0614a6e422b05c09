package org.mlcouncil.support;

/** Texts of an exact length, for the limits of fields and of what the platform builds from them. */
public final class LongText {

  private LongText() {
  }

  /**
   * Exactly {@code length} characters beginning with {@code start}, without blanks at either end,
   * and with accented letters, so the text has more bytes in UTF-8 than characters.
   */
  public static String of(String start, int length) {
    StringBuilder text = new StringBuilder(start);
    while (text.length() < length) {
      text.append(" qualité");
    }
    String cut = text.substring(0, length);
    return cut.endsWith(" ") ? cut.substring(0, length - 1) + "é" : cut;
  }
}
