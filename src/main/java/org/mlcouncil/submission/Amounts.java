package org.mlcouncil.submission;

/** Numbers as people read them in messages: 1,200,000 and 12.5. */
public final class Amounts {

  private Amounts() {
  }

  public static String format(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15
        ? String.format("%,d", (long) number) : String.format("%,.2f", number);
  }
}
