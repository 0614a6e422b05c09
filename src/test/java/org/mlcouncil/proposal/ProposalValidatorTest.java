package org.mlcouncil.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.screening.PeopleDirectory;
import org.mlcouncil.submission.Amounts;
import org.mlcouncil.submission.FieldError;
import org.mlcouncil.submission.InvalidSubmissionException;

class ProposalValidatorTest {

  private static final Set<String> PODS = Set.of("search", "dispatch");
  /** Dispatch has no analytics manager yet. */
  private static final Function<String, List<String>> STAFFING = pod -> pod.equals("dispatch")
      ? List.of("pod-dispatch-analytics-manager") : List.of();
  private static final PeopleDirectory USERS = new PeopleDirectory() {
    private final Set<String> users = Set.of("paul", "priya", "ivan");

    @Override
    public boolean exists(String userId) {
      return users.contains(userId);
    }

    @Override
    public Set<String> groupsOf(String userId) {
      return Set.of();
    }

    @Override
    public Optional<String> closestTo(String typed) {
      return typed.equals("pual") ? Optional.of("paul") : Optional.empty();
    }
  };

  private static Map<String, Object> valid() {
    return new HashMap<>(ProposalData.valid("Ranking by delivery time"));
  }

  private static List<FieldError> errors(Map<String, Object> variables) {
    return ProposalValidator.validate(variables, PODS, STAFFING, USERS).errors();
  }

  @Test
  void acceptsAndNormalisesACompleteProposal() {
    Map<String, Object> variables = valid();
    variables.put("title", "  Ranking by delivery time  ");
    variables.put("team", "paul; priya paul");
    variables.put("buildCost", "300000");
    variables.put("platformComponents", "[\"feature-store\",\"model-serving\"]");

    Proposal proposal = ProposalValidator.validate(variables, PODS, STAFFING, USERS).orThrow();

    assertThat(proposal.title()).isEqualTo("Ranking by delivery time");
    assertThat(proposal.team()).containsExactly("paul", "priya");
    assertThat(proposal.buildCost()).isEqualTo(300_000);
    assertThat(proposal.platformComponents()).containsExactly("feature-store", "model-serving");
    assertThat(proposal.interestedPeople()).containsExactly("ivan", "watcher@example.org");
    assertThat(ProposalValidator.variables(proposal)).containsEntry("team", "paul, priya")
        .containsEntry("buildCost", "$300,000").containsEntry("impactAndCost", "Impact $2,000,000 per year; "
            + "build $300,000; maintenance $100,000 per year; third-party option: none known")
        .containsEntry("teamMembers", List.of("paul", "priya")).containsEntry("biggestBlocker", "production-performance");
  }

  @Test
  void namesEveryMissingRequiredField() {
    assertThat(errors(new HashMap<>())).extracting(FieldError::field).contains("title", "pod", "businessProblem",
        "proposedSolution", "estimatedAnnualImpact", "buildCost", "yearlyMaintenanceCost", "rulesImpactShare",
        "thirdPartyOptionExists", "engineeringCanBuildUnaided", "biggestBlocker", "team", "technicalLead");
  }

  @Test
  void refusesNegativeAndAbsurdNumbers() {
    Map<String, Object> variables = valid();
    variables.put("buildCost", -5L);
    variables.put("estimatedAnnualImpact", 1e12);
    variables.put("rulesImpactShare", 101);
    variables.put("yearlyMaintenanceCost", "a lot");

    assertThat(errors(variables)).extracting(FieldError::toString).containsExactlyInAnyOrder(
        "buildCost: must not be negative",
        "estimatedAnnualImpact: must be at most 10,000,000,000 (got 1,000,000,000,000)",
        "rulesImpactShare: must be at most 100 (got 101)",
        "yearlyMaintenanceCost: 'a lot' is not an amount the platform can read for sure; " + Amounts.HOW_TO_WRITE);
  }

  @Test
  void refusesOversizeText() {
    Map<String, Object> variables = valid();
    variables.put("title", "x".repeat(100_000));

    assertThat(errors(variables)).extracting(FieldError::toString)
        .containsExactly("title: must be at most 200 characters (got 100000)");
  }

  @Test
  void longTextsUpToWhatAStringVariableHoldsPassAndOneMoreIsRefused() {
    Map<String, Object> variables = valid();
    variables.put("businessProblem", "p".repeat(4000));
    variables.put("proposedSolution", "s".repeat(4000));
    assertThat(errors(variables)).isEmpty();

    variables.put("businessProblem", "p".repeat(4001));
    variables.put("proposedSolution", " ".repeat(10) + "s".repeat(3991));
    assertThat(errors(variables)).extracting(FieldError::toString).containsExactlyInAnyOrder(
        "businessProblem: must be at most 4000 characters (got 4001)",
        "proposedSolution: must be at most 4000 characters (got 4001)");
  }

  @Test
  void refusalsQuoteOnlyTheBeginningOfABadValue() {
    Map<String, Object> variables = valid();
    String huge = "g".repeat(1_000_000);
    variables.put("pod", huge);
    variables.put("team", List.of("paul", huge));
    variables.put("technicalLead", List.of("paul", huge));
    variables.put("platformComponents", List.of(huge));
    variables.put("buildCost", huge);

    List<FieldError> errors = errors(variables);
    assertThat(errors).extracting(FieldError::field).contains("pod", "team", "technicalLead", "platformComponents",
        "buildCost");
    assertThat(errors).allSatisfy(error -> assertThat(error.message()).hasSizeLessThan(200));
  }

  @Test
  void peopleToInformAreKnownUsersOrOnePlainValidAddressEach() {
    Map<String, Object> variables = valid();
    variables.put("interestedPeople", List.of("bad)addr@evil.example", "Boss <boss@evil.example>",
        "a@b@evil.example", "x".repeat(250) + "@evil.example", "watcher@example.org", "ivan"));

    assertThat(errors(variables)).extracting(FieldError::toString).containsExactlyInAnyOrder(
        "interestedPeople: 'bad)addr@evil.example' is neither a known user nor a valid e-mail address",
        "interestedPeople: 'Boss' is neither a known user nor a valid e-mail address",
        "interestedPeople: '<boss@evil.example>' is neither a known user nor a valid e-mail address",
        "interestedPeople: 'a@b@evil.example' is neither a known user nor a valid e-mail address",
        "interestedPeople: '" + "x".repeat(59) + "…' is neither a known user nor a valid e-mail address");
  }

  @Test
  void aListLongerThanItsFieldIsRefused() {
    Map<String, Object> variables = valid();
    variables.put("interestedPeople", "ivan, ".repeat(400));

    assertThat(errors(variables)).extracting(FieldError::toString)
        .containsExactly("interestedPeople: must be at most 2000 characters (got 2400)");
  }

  @Test
  void refusesUnknownPeopleAndPodsAndTwoLeads() {
    Map<String, Object> variables = valid();
    variables.put("pod", "payments");
    variables.put("team", List.of("pual", "ghost"));
    variables.put("technicalLead", "paul, priya");
    variables.put("interestedPeople", "nobody, not-an-address@");

    assertThat(errors(variables)).extracting(FieldError::toString).containsExactlyInAnyOrder(
        "pod: 'payments' is not a known pod; choose one of " + String.join(", ", PODS),
        "team: 'pual' is not a known user — did you mean paul?",
        "team: 'ghost' is not a known user",
        "technicalLead: name exactly one technical lead (got paul, priya)",
        "interestedPeople: 'nobody' is neither a known user nor a valid e-mail address",
        "interestedPeople: 'not-an-address@' is neither a known user nor a valid e-mail address");
  }

  @Test
  void refusesAPodWhoseLeadsCannotReviewNamingTheEmptyGroups() {
    Map<String, Object> variables = valid();
    variables.put("pod", "dispatch");

    assertThat(errors(variables)).extracting(FieldError::toString).containsExactly(
        "pod: the dispatch pod cannot review proposals yet: nobody is in pod-dispatch-analytics-manager; choose a "
            + "pod whose leads can review it, or ask an administrator to staff the pod");
  }

  @Test
  void unknownTechnicalLeadIsAFieldError() {
    Map<String, Object> variables = valid();
    variables.put("technicalLead", "nobody");

    assertThatThrownBy(() -> ProposalValidator.validate(variables, PODS, STAFFING, USERS).orThrow())
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("Invalid proposal: technicalLead: 'nobody' is not a known user");
  }

  @Test
  void thirdPartyCostIsRequiredOnlyWhenAnOptionExists() {
    Map<String, Object> variables = valid();
    variables.put("thirdPartyOptionExists", "true");
    assertThat(errors(variables)).extracting(FieldError::toString).containsExactly("thirdPartyYearlyCost: is required");

    variables.put("thirdPartyYearlyCost", 50_000);
    assertThat(errors(variables)).isEmpty();
  }

  @Test
  void unknownPlatformComponentAndBlockerAreRefused() {
    Map<String, Object> variables = valid();
    variables.put("platformComponents", List.of("spreadsheet"));
    variables.put("biggestBlocker", "politics");

    assertThat(errors(variables)).extracting(FieldError::field).containsExactlyInAnyOrder("platformComponents",
        "biggestBlocker");
  }
}
