package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterSearchTest {

  @Test
  void takesTheFiltersAndDefaultsToTheNewestFirst() {
    RegisterSearch search = RegisterSearch.of(Map.of("kind", "proposal", "pod", " search ", "q", "eta", "page", "2"), 25);
    assertThat(search.kind()).isEqualTo("proposal");
    assertThat(search.pod()).isEqualTo("search");
    assertThat(search.sort()).isEqualTo(RegisterSearch.Sort.SUBMITTED);
    assertThat(search.ascending()).isFalse();
    assertThat(search.page()).isEqualTo(2);
    assertThat(search.size()).isEqualTo(25);
    assertThat(RegisterSearch.of(Map.of("sort", "title"), 25).ascending()).isTrue();
  }

  @Test
  void refusesHostileValuesNamingTheParameter() {
    assertRefused(Map.of("sort", "TITLE_; drop table x"), "sort: must be one of key, kind, title");
    assertRefused(Map.of("size", "0"), "size: must be between 1 and 100");
    assertRefused(Map.of("page", "1e9"), "page: must be a whole number");
    assertRefused(Map.of("person", "paul\u0000"), "person: must not contain control characters");
    assertRefused(Map.of("stage", "s".repeat(201)), "stage: must be at most 200 characters (got 201)");
  }

  @Test
  void linksKeepTheSearchAndTurnTheSortAround() {
    RegisterSearch search = RegisterSearch.of(Map.of("pod", "search", "q", "a&b", "sort", "title"), 25);
    assertThat(search.link("/register", 1, null)).isEqualTo("/register?pod=search&q=a%26b&sort=title&dir=asc&size=25&page=1");
    assertThat(search.link("/register", 0, "title")).contains("sort=title&dir=desc");
    assertThat(search.link("/register", 0, "pod")).contains("sort=pod&dir=asc");
  }

  @Test
  void csvCellsAreQuotedAndFormulasDisarmed() {
    assertThat(RegisterCsv.cell("Smarter \"ETA\", v2")).isEqualTo("\"Smarter \"\"ETA\"\", v2\"");
    assertThat(RegisterCsv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
    assertThat(RegisterCsv.cell("-1+1")).isEqualTo("\"'-1+1\"");
  }

  @Test
  void groupsAreNamedAsPeopleSayThem() {
    assertThat(Who.group("pod-search-analytics-manager")).isEqualTo("the search pod's analytics manager");
    assertThat(Who.group("pod-dispatch-pm")).isEqualTo("the dispatch pod's product manager");
    assertThat(Who.group("ml-council-chair")).isEqualTo("the council chair");
    assertThat(Who.group("process-owners")).isEqualTo("process-owners");
  }

  @Test
  void escapesLikeWildcards() {
    assertThat(RegisterQueries.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
  }

  private static void assertRefused(Map<String, String> parameters, String message) {
    assertThatThrownBy(() -> RegisterSearch.of(parameters, 25)).isInstanceOf(RegisterRefusal.class)
        .hasMessageStartingWith(message);
  }
}
