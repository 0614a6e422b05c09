package org.mlcouncil.submission;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of US dollars as people type them and as the platform shows them. Typed text is read
 * only when it can mean one thing: "2,000,000", "2 000 000", "2M", "300k", "$1.5M" and
 * "1500.50" are read, "2,5" or "2.000.000" (a decimal comma, European grouping) are refused
 * rather than guessed at. Every form and message shows an amount one way: {@code $2,000,000}.
 */
public final class Amounts {

  /** What a person is told to type when an amount cannot be read. */
  public static final String HOW_TO_WRITE = "write it like 2,000,000, 2 000 000, 2M, 300k or 1500.50 (US dollars)";

  /** Digits with an optional decimal point, grouped by commas or by blanks in threes, or not grouped. */
  private static final Pattern AMOUNT = Pattern.compile(
      "(?<number>\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+)(?:\\.(?<fraction>\\d+))?"
          + "\\s*(?<unit>k|thousand|m|mn|mio|million|bn|b|billion)?");
  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u2009]+");

  private Amounts() {
  }

  /** Numbers as people read them in messages: 1,200,000 and 12.5. */
  public static String format(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) number) : String.format(Locale.ROOT, "%,.2f", number);
  }

  /** An amount of money: {@code $2,000,000}, {@code $1,500.50}. */
  public static String usd(double amount) {
    return (amount < 0 ? "-$" : "$") + format(Math.abs(amount));
  }

  /** A yearly amount: {@code $2,000,000 per year}. */
  public static String usdPerYear(double amount) {
    return usd(amount) + " per year";
  }

  /**
   * The amount the text means, or empty when it can mean more than one amount or none. A minus
   * sign is read (so that the caller can say a negative amount is not allowed).
   */
  public static Optional<BigDecimal> parse(String typed) {
    String text = BLANKS.matcher(typed.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    boolean negative = text.startsWith("-");
    text = strip(negative ? text.substring(1).strip() : text);
    Matcher matcher = AMOUNT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String fraction = matcher.group("fraction");
    String unit = matcher.group("unit");
    // Without a unit, three decimals look like European grouping ("2.000" for two thousand): refuse.
    if (fraction != null && unit == null && fraction.length() > 2) {
      return Optional.empty();
    }
    BigDecimal amount = new BigDecimal(matcher.group("number").replaceAll("[, ]", "")
        + (fraction == null ? "" : "." + fraction)).multiply(multiplier(unit));
    return Optional.of(negative ? amount.negate() : amount);
  }

  /** Without the currency: "$", "US$" or "USD" before, "USD", "$" or "dollars" after. */
  private static String strip(String text) {
    String amount = text;
    for (String prefix : new String[] {"us$", "usd", "$"}) {
      if (amount.startsWith(prefix)) {
        amount = amount.substring(prefix.length()).strip();
        break;
      }
    }
    for (String suffix : new String[] {"usd", "dollars", "$"}) {
      if (amount.endsWith(suffix)) {
        amount = amount.substring(0, amount.length() - suffix.length()).strip();
        break;
      }
    }
    return amount;
  }

  private static BigDecimal multiplier(String unit) {
    if (unit == null) {
      return BigDecimal.ONE;
    }
    return switch (unit) {
      case "k", "thousand" -> BigDecimal.valueOf(1_000);
      case "m", "mn", "mio", "million" -> BigDecimal.valueOf(1_000_000);
      default -> BigDecimal.valueOf(1_000_000_000);
    };
  }
}
