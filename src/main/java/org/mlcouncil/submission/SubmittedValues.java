package org.mlcouncil.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.mlcouncil.directory.MailAddresses;
import org.mlcouncil.platform.TextLimits;

/**
 * Reads submitted variables the way Tasklist forms and REST clients send them (numbers as
 * Long, Double or text; lists as Java lists, JSON arrays or comma-separated text) and collects
 * an error per bad field instead of failing at the first.
 */
public final class SubmittedValues {

  public static final double ABSURD_AMOUNT = 1e10;
  /** The longest list typed as text (people, team), as sent and as stored, well within a String variable. */
  public static final int MAX_LIST_TEXT = 2000;
  private static final int MAX_NUMBER_TEXT = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+");

  private final Map<String, Object> values;
  private final List<FieldError> errors = new ArrayList<>();

  public SubmittedValues(Map<String, Object> values) {
    this.values = values;
  }

  /** Whether a user id is well-formed and names someone in the directory. */
  public static boolean isKnownUser(String userId, Predicate<String> userExists) {
    return USER_ID.matcher(userId).matches() && userExists.test(userId);
  }

  public List<FieldError> errors() {
    return errors;
  }

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** The value built from the fields read so far, unless one of them was bad. */
  public <T> Validated<T> result(String kind, Supplier<T> value) {
    return errors.isEmpty() ? new Validated<>(kind, value.get(), List.of())
        : new Validated<>(kind, null, List.copyOf(errors));
  }

  /** Whether the field holds anything but blanks. */
  public boolean has(String field) {
    Object value = values.get(field);
    return value != null && !value.toString().isBlank();
  }

  /**
   * The text without surrounding blanks. Its length counts as sent, blanks included: the engine
   * stores the submitted value before the platform normalises it.
   */
  public String text(String field, int maxLength, boolean required) {
    Object value = values.get(field);
    String sent = value == null ? "" : value.toString();
    String text = sent.strip();
    if (text.isEmpty() && required) {
      error(field, "is required");
    } else if (sent.length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters (got " + sent.length() + ")");
    }
    return text;
  }

  /** One of the allowed values; required. */
  public String choice(String field, List<String> allowed) {
    String text = text(field, 100, true);
    if (!text.isEmpty() && !allowed.contains(text)) {
      error(field, "must be one of " + String.join(", ", allowed) + " (got '" + TextLimits.abbreviate(text) + "')");
    }
    return text;
  }

  /** A number in [min, max]; {@code null} (with an error) when missing or not a number. */
  public Double number(String field, double min, double max) {
    Object value = values.get(field);
    if (value == null || value.toString().isBlank()) {
      error(field, "is required");
      return null;
    }
    if (!(value instanceof Number) && value.toString().length() > MAX_NUMBER_TEXT) {
      error(field, "must be a number (got '" + TextLimits.abbreviate(value) + "')");
      return null;
    }
    double number;
    try {
      number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      error(field, "must be a number (got '" + TextLimits.abbreviate(value) + "')");
      return null;
    }
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      error(field, "must be a number");
      return null;
    }
    if (number < min) {
      error(field, min == 0 ? "must not be negative" : "must be at least " + Amounts.format(min));
      return null;
    }
    if (number > max) {
      error(field, "must be at most " + Amounts.format(max) + " (got " + Amounts.format(number) + ")");
      return null;
    }
    return number;
  }

  /**
   * An amount of US dollars in [0, max], as typed ("2,000,000", "2M", "$300k", see {@link Amounts})
   * or sent as a number; {@code null} (with an error naming the field) when missing, unreadable,
   * negative or absurd. Text that could mean two amounts is refused, never guessed at.
   */
  public Double amount(String field, double max) {
    Object value = values.get(field);
    if (value == null || value instanceof Number || value.toString().isBlank()) {
      return number(field, 0, max);
    }
    if (value.toString().length() > MAX_NUMBER_TEXT) {
      error(field, "'" + TextLimits.abbreviate(value) + "' is not an amount; " + Amounts.HOW_TO_WRITE);
      return null;
    }
    BigDecimal amount = Amounts.parse(value.toString()).orElse(null);
    if (amount == null) {
      error(field, "'" + TextLimits.abbreviate(value) + "' is not an amount the platform can read for sure; "
          + Amounts.HOW_TO_WRITE);
      return null;
    }
    if (amount.signum() < 0) {
      error(field, "must not be negative");
      return null;
    }
    if (amount.compareTo(BigDecimal.valueOf(max)) > 0) {
      error(field, "must be at most " + Amounts.usd(max) + " (got " + Amounts.usd(amount.doubleValue()) + ")");
      return null;
    }
    return amount.doubleValue();
  }

  public Boolean bool(String field) {
    Object value = values.get(field);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value != null && (value.toString().equalsIgnoreCase("true") || value.toString().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.toString());
    }
    error(field, value == null ? "is required (yes or no)" : "must be yes or no (true or false)");
    return null;
  }

  /**
   * Distinct entries in the order given; entries are split on commas, semicolons and spaces.
   * As text, sent or joined for storage, the list has at most {@value #MAX_LIST_TEXT} characters.
   */
  public List<String> list(String field) {
    Object value = values.get(field);
    if (value != null && !(value instanceof Collection<?>) && value.toString().length() > MAX_LIST_TEXT) {
      error(field, "must be at most " + MAX_LIST_TEXT + " characters (got " + value.toString().length() + ")");
      return List.of();
    }
    Collection<?> items;
    if (value == null) {
      items = List.of();
    } else if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value.toString().strip().startsWith("[")) {
      try {
        items = JSON.readValue(value.toString(), new TypeReference<List<Object>>() {
        });
      } catch (JsonProcessingException e) {
        error(field, "is not a readable list");
        return List.of();
      }
    } else {
      items = List.of(value.toString());
    }
    LinkedHashSet<String> entries = new LinkedHashSet<>();
    for (Object item : items) {
      for (String part : String.valueOf(item).split("[,;\\s]+")) {
        if (!part.isBlank()) {
          entries.add(part.strip());
        }
      }
    }
    if (String.join(", ", entries).length() > MAX_LIST_TEXT) {
      error(field, "must be at most " + MAX_LIST_TEXT + " characters");
      return List.of();
    }
    return new ArrayList<>(entries);
  }

  /**
   * Optional people to keep informed: known user ids or e-mail addresses (one plain address
   * each, read strictly, see {@link MailAddresses}), at most {@code max}.
   */
  public List<String> peopleToInform(String field, int max, Predicate<String> userExists) {
    List<String> people = list(field);
    if (people.size() > max) {
      error(field, "name at most " + max + " people (got " + people.size() + ")");
      return people;
    }
    for (String person : people) {
      if (person.contains("@") ? !MailAddresses.isValid(person) : !isKnownUser(person, userExists)) {
        error(field, "'" + TextLimits.abbreviate(person) + "' is neither a known user nor a valid e-mail address");
      }
    }
    return people;
  }
}
