package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * form-js renders {@code text} components as Markdown, so a value templated into one could
 * become a live link or image. Text components show only values the platform itself produces
 * or validated against a closed list; what people typed is shown in disabled fields, as text.
 */
class FormsShowUserTextAsTextTest {

  /** Business keys, kinds, user ids from the directory, validated choices and numbers. */
  private static final Set<String> PLATFORM_VALUES = Set.of("businessKey", "meetingId", "itemId", "itemKind", "submitter",
      "currentMembers", "currentChair", "proposer", "pod", "biggestBlocker", "estimatedAnnualImpact", "buildCost",
      "yearlyMaintenanceCost", "rulesImpactShare", "impactAndCost");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");

  @Test
  void textComponentsTemplateOnlyPlatformValues() throws IOException {
    List<String> templated = new ArrayList<>();
    for (Path form : forms()) {
      for (JsonNode component : components(new ObjectMapper().readTree(form.toFile()))) {
        Matcher template = TEMPLATE.matcher(component.path("text").asText());
        while ("text".equals(component.path("type").asText()) && template.find()) {
          templated.add(template.group(1).strip());
        }
        assertThat(component.path("type").asText()).as(form + ": no HTML component").isNotEqualTo("html");
      }
    }
    assertThat(templated).as("every form's templated values").isNotEmpty().allMatch(PLATFORM_VALUES::contains);
  }

  @Test
  void typedTextShownOnAFormIsADisabledField() throws IOException {
    JsonNode review = new ObjectMapper().readTree(Path.of("forms/review-ml-proposal.form").toFile());
    assertThat(components(review)).filteredOn(component -> component.path("key").asText().equals("businessProblem"))
        .singleElement().satisfies(field -> {
          assertThat(field.path("type").asText()).isEqualTo("textarea");
          assertThat(field.path("disabled").asBoolean()).as("shown, and not submitted back").isTrue();
        });
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }
}
