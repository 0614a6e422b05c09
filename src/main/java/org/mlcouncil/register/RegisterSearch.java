package org.mlcouncil.register;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlcouncil.platform.TextLimits;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a caller asks of the register: filters, search, sort and page, from request parameters that
 * are hostile until checked. A bad value is refused naming its parameter; unknown parameters are
 * ignored.
 *
 * @param decision a decision ({@code approved}, {@code withdrawn}...) or {@code open} for undecided items
 * @param person items this user proposed, leads or works on
 */
public record RegisterSearch(String kind, String pod, String stage, String decision, String person, String text,
                             Sort sort, boolean ascending, int page, int size) {

  static final int MAX_VALUE = 200;
  static final int MAX_PAGE = 100_000;
  public static final List<String> DECISIONS =
      List.of("open", "approved", "rejected", "recommend-buying", "withdrawn", "cancelled");

  /** The columns the register sorts by, under the names callers use. */
  public enum Sort {
    KEY("key", "BUSINESS_KEY_"), KIND("kind", "KIND_"), TITLE("title", "TITLE_"), POD("pod", "POD_"),
    PROPOSER("proposer", "PROPOSER_"), STAGE("stage", "STAGE_"), AGE("age", "STAGE_SINCE_"),
    DECISION("decision", "DECISION_"), SUBMITTED("submitted", "SUBMITTED_AT_"), DECIDED("decided", "DECIDED_AT_");

    private final String parameter;
    private final String column;

    Sort(String parameter, String column) {
      this.parameter = parameter;
      this.column = column;
    }

    public String parameter() {
      return parameter;
    }

    String column() {
      return column;
    }
  }

  /** Newest first, the first page. */
  public static RegisterSearch all(int size) {
    return new RegisterSearch(null, null, null, null, null, null, Sort.SUBMITTED, false, 0, size);
  }

  public static RegisterSearch of(Map<String, String> parameters, int defaultSize) {
    Function<String, String> value = name -> checked(name, parameters.get(name));
    String kind = value.apply("kind");
    if (kind != null && ItemKind.ofLabel(kind).isEmpty()) {
      throw RegisterRefusal.badRequest("kind", "must be one of proposal, job description, technology decision");
    }
    String decision = value.apply("decision");
    if (decision != null && !DECISIONS.contains(decision)) {
      throw RegisterRefusal.badRequest("decision", "must be one of " + String.join(", ", DECISIONS));
    }
    String sortName = value.apply("sort");
    Sort sort = Sort.SUBMITTED;
    if (sortName != null) {
      sort = Arrays.stream(Sort.values()).filter(candidate -> candidate.parameter.equals(sortName))
          .findFirst().orElseThrow(() -> RegisterRefusal.badRequest("sort", "must be one of "
              + String.join(", ", Arrays.stream(Sort.values()).map(Sort::parameter).toList())));
    }
    String direction = value.apply("dir");
    if (direction != null && !List.of("asc", "desc").contains(direction)) {
      throw RegisterRefusal.badRequest("dir", "must be asc or desc");
    }
    boolean ascending = direction == null ? sort != Sort.SUBMITTED && sort != Sort.DECIDED : direction.equals("asc");
    return new RegisterSearch(kind, value.apply("pod"), value.apply("stage"), decision, value.apply("person"),
        value.apply("q"), sort, ascending, number(parameters, "page", 0, MAX_PAGE, 0),
        number(parameters, "size", 1, RegisterProperties.MAX_PAGE_SIZE, defaultSize));
  }

  public RegisterSearch withPage(int newPage) {
    return new RegisterSearch(kind, pod, stage, decision, person, text, sort, ascending, newPage, size);
  }

  /** This search as query parameters, for the links of a page (other pages, another sort, the CSV). */
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, "kind", kind);
    put(parameters, "pod", pod);
    put(parameters, "stage", stage);
    put(parameters, "decision", decision);
    put(parameters, "person", person);
    put(parameters, "q", text);
    parameters.put("sort", sort.parameter());
    parameters.put("dir", ascending ? "asc" : "desc");
    parameters.put("size", String.valueOf(size));
    return parameters;
  }

  /** A link to {@code path} with this search, on another page or sorted otherwise. */
  public String link(String path, int toPage, String sortBy) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    Map<String, String> parameters = parameters();
    if (sortBy != null) {
      boolean sameColumn = sortBy.equals(sort.parameter());
      parameters.put("sort", sortBy);
      parameters.put("dir", sameColumn && ascending ? "desc" : "asc");
    }
    parameters.forEach(uri::queryParam);
    if (toPage > 0) {
      uri.queryParam("page", toPage);
    }
    return uri.encode().build().toUriString();
  }

  private static void put(Map<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }

  private static String checked(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (value.length() > MAX_VALUE) {
      throw RegisterRefusal.badRequest(name, "must be at most " + MAX_VALUE + " characters (got " + value.length() + ")");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw RegisterRefusal.badRequest(name, "must not contain control characters");
    }
    return value;
  }

  private static int number(Map<String, String> parameters, String name, int min, int max, int absent) {
    String raw = parameters.get(name);
    if (raw == null || raw.isBlank()) {
      return absent;
    }
    try {
      int number = Integer.parseInt(raw.strip());
      if (number < min || number > max) {
        throw RegisterRefusal.badRequest(name, "must be between " + min + " and " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw RegisterRefusal.badRequest(name, "must be a whole number, not '" + TextLimits.abbreviate(raw) + "'");
    }
  }
}
