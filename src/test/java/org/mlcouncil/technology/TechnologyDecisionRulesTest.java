package org.mlcouncil.technology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.screening.Finding;
import org.mlcouncil.proposal.screening.Severity;
import org.mlcouncil.submission.FieldError;

class TechnologyDecisionRulesTest {

  private static Map<String, Object> valid() {
    return TechnologyDecisionData.valid("Feature store");
  }

  @Test
  void twoOptionsAreEnoughAndAnEmptyThirdIsKeptEmpty() {
    Map<String, Object> variables = valid();
    variables.put("option3Name", "");
    variables.remove("option3YearlyCost");
    variables.put("option1YearlyCost", "80000");

    TechnologyDecision decision = TechnologyDecisionValidator.validate(variables).orThrow();

    assertThat(decision.options()).extracting(CostedOption::name).containsExactly("Adopt Feast", "Buy Tecton");
    assertThat(decision.recommended().yearlyCost()).isEqualTo(80_000);
    assertThat(TechnologyDecisionValidator.variables(decision)).containsEntry("option3Name", null)
        .containsEntry("option3YearlyCost", null).containsEntry("recommendedOption", "1");
  }

  @Test
  void namesEveryBadField() {
    Map<String, Object> variables = valid();
    variables.remove("option1Name");
    variables.put("option2YearlyCost", -1);
    variables.put("recommendedOption", "4");

    assertThat(TechnologyDecisionValidator.validate(variables).errors()).extracting(FieldError::toString)
        .containsExactlyInAnyOrder("option1Name: is required", "option2YearlyCost: must not be negative",
            "recommendedOption: must be one of 1, 2, 3 (got '4')");
  }

  @Test
  void recommendingTheCheapestOptionIsInformation() {
    Finding finding = CostComparison.of(TechnologyDecisionValidator.validate(valid()).orThrow());

    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.message()).contains("'Adopt Feast' is the cheapest of the 3 options");
  }

  @Test
  void recommendingADearerOptionIsAWarningNamingBothAndTheDifference() {
    Map<String, Object> variables = valid();
    variables.put("recommendedOption", "3");
    variables.put("option2YearlyCost", 79_999.5);

    Finding finding = CostComparison.of(TechnologyDecisionValidator.validate(variables).orThrow());

    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.message()).isEqualTo("The recommended option 'Build on Postgres' costs $260,000 per year, but "
        + "'Buy Tecton' is the cheapest at $79,999.50 per year: $180,000.50 more per year. Say why the dearer option is "
        + "worth it.");
  }

  @Test
  void anEquallyCheapRecommendationCountsAsTheCheapest() {
    Map<String, Object> variables = valid();
    variables.put("recommendedOption", "2");
    variables.put("option2YearlyCost", 80_000);

    assertThat(CostComparison.of(TechnologyDecisionValidator.validate(variables).orThrow()).severity())
        .isEqualTo(Severity.INFO);
  }
}
