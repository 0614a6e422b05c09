package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlcouncil.jobdescription.JobDescriptionValidator;
import org.mlcouncil.proposal.ProposalValidator;
import org.mlcouncil.technology.TechnologyDecisionValidator;

/** The forms promise no more than a String variable holds, and exactly what the server accepts. */
class FormLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTypedFieldHasALimitAStringVariableHolds() throws IOException {
    List<JsonNode> fields = typedFields();

    assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(field.at("/validate/maxLength").asInt(Integer.MAX_VALUE))
        .as(field.get("key").asText()).isLessThanOrEqualTo(TextLimits.STRING_VARIABLE));
  }

  @Test
  void theLongFieldsOfEverySubmissionAllowWhatTheServerAllows() throws IOException {
    Map<String, Integer> server = Map.of(
        "businessProblem", ProposalValidator.MAX_TEXT, "proposedSolution", ProposalValidator.MAX_TEXT,
        "description", JobDescriptionValidator.MAX_DESCRIPTION, "hiringProcess", JobDescriptionValidator.MAX_TEXT,
        "problem", TechnologyDecisionValidator.MAX_TEXT, "risks", TechnologyDecisionValidator.MAX_TEXT);

    assertThat(typedFields()).filteredOn(field -> server.containsKey(field.get("key").asText())).hasSize(12)
        .allSatisfy(field -> assertThat(field.at("/validate/maxLength").asInt())
            .isEqualTo(server.get(field.get("key").asText())));
  }

  /** The text fields a person types into. */
  private static List<JsonNode> typedFields() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      return forms.filter(path -> path.toString().endsWith(".form")).flatMap(FormLimitsTest::components)
          .filter(component -> List.of("textfield", "textarea").contains(component.path("type").asText()))
          // Disabled fields only show what the process holds; Tasklist sends them nowhere.
          .filter(component -> !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean())
          .toList();
    }
  }

  private static Stream<JsonNode> components(Path form) {
    try {
      return JSON.readTree(form.toFile()).path("components").findParents("type").stream();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + form, e);
    }
  }
}
