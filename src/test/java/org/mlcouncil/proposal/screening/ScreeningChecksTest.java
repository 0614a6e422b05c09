package org.mlcouncil.proposal.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlcouncil.proposal.Blocker;
import org.mlcouncil.proposal.Proposal;

class ScreeningChecksTest {

  private static final ScreeningProperties SETTINGS = ScreeningProperties.defaults();
  private static final PeopleDirectory PEOPLE = new PeopleDirectory() {
    private final Map<String, Set<String>> groups = Map.of(
        "paul", Set.of("ml-practitioners", "ml-engineers"),
        "priya", Set.of("ml-practitioners", "data-scientists"),
        "ivan", Set.of("ml-practitioners", "ml-infra"));

    @Override
    public boolean exists(String userId) {
      return groups.containsKey(userId);
    }

    @Override
    public Set<String> groupsOf(String userId) {
      return groups.getOrDefault(userId, Set.of());
    }

    @Override
    public Optional<String> closestTo(String typed) {
      return Optional.empty();
    }
  };

  private static ProposalBuilder proposal() {
    return new ProposalBuilder();
  }

  @ParameterizedTest(name = "rules reach {0} % -> {1} {2}")
  @CsvSource({
      "0, INFO, ML_NEED_CLEAR",
      "9.99, INFO, ML_NEED_CLEAR",
      "10, INFO, ML_NEED_IN_BAND",
      "25, INFO, ML_NEED_IN_BAND",
      "40, INFO, ML_NEED_IN_BAND",
      "40.01, BLOCKER, ML_NEED_RULES_SUFFICE",
      "100, BLOCKER, ML_NEED_RULES_SUFFICE"})
  void mlNeedFollowsTheCharters10To40PercentBand(double share, Severity severity, String code) {
    List<Finding> findings = new MlNeedCheck().check(proposal().rulesShare(share).build(), PEOPLE, SETTINGS);

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.severity()).isEqualTo(severity);
      assertThat(finding.code()).isEqualTo(code);
    });
  }

  @Test
  void mlNeedBlockerTellsTheProposerWhatToDo() {
    Finding finding = new MlNeedCheck().check(proposal().rulesShare(55).build(), PEOPLE, SETTINGS).get(0);

    assertThat(finding.message()).contains("55 %").contains("10–40 %").contains("Build the rules first");
  }

  @Test
  void technicalLeadMustBeKnownAndInTheTeam() {
    assertThat(code(new TechnicalLeadCheck(), proposal().lead("paul").team("paul", "priya").build()))
        .isEqualTo("TECH_LEAD_OK");
    assertThat(code(new TechnicalLeadCheck(), proposal().lead("ghost").team("ghost").build()))
        .isEqualTo("TECH_LEAD_UNKNOWN");
    assertThat(code(new TechnicalLeadCheck(), proposal().lead("ivan").team("paul", "priya").build()))
        .isEqualTo("TECH_LEAD_NOT_IN_TEAM");
    assertThat(code(new TechnicalLeadCheck(), proposal().lead(null).build())).isEqualTo("TECH_LEAD_MISSING");
    assertThat(new TechnicalLeadCheck().check(proposal().lead("ivan").team("paul").build(), PEOPLE, SETTINGS))
        .allMatch(finding -> finding.severity() == Severity.BLOCKER);
  }

  @Test
  void speedRecommendsBuyingACostEffectiveThirdPartyOption() {
    // Building: 300,000 / 3 years + 100,000 per year = 200,000 per year; half of it is the threshold.
    assertThat(code(new SpeedCheck(), proposal().thirdParty(100_000.0).build())).isEqualTo("SPEED_BUY_RECOMMENDED");
    assertThat(code(new SpeedCheck(), proposal().thirdParty(100_000.01).build()))
        .isEqualTo("SPEED_THIRD_PARTY_NOT_COST_EFFECTIVE");
    assertThat(code(new SpeedCheck(), proposal().build())).isEqualTo("SPEED_NO_THIRD_PARTY");
    assertThat(new SpeedCheck().check(proposal().thirdParty(0.0).build(), PEOPLE, SETTINGS).get(0).severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void sufficiencyRecommendsEngineeringAloneWhenItIsEnough() {
    assertThat(code(new SufficiencyCheck(), proposal().engineeringAlone(true).build()))
        .isEqualTo("SUFFICIENCY_NO_DS_STAFFING");
    assertThat(code(new SufficiencyCheck(), proposal().engineeringAlone(false).build()))
        .isEqualTo("SUFFICIENCY_NEEDS_DS");
  }

  @Test
  void impactAgainstCostOverTheHorizon() {
    // 3 years: impact 3 x 2,000,000 = 6,000,000 against 300,000 + 3 x 100,000 = 600,000: ratio 10.
    Finding ok = new ImpactCostCheck().check(proposal().build(), PEOPLE, SETTINGS).get(0);
    assertThat(ok.code()).isEqualTo("IMPACT_COST_OK");
    assertThat(ok.message()).contains("10.0 times");
    // ratio exactly 3.0 is enough
    assertThat(code(new ImpactCostCheck(), proposal().impact(600_000).build())).isEqualTo("IMPACT_COST_OK");
    assertThat(code(new ImpactCostCheck(), proposal().impact(599_999).build())).isEqualTo("IMPACT_COST_LOW");
  }

  @Test
  void impactBelowOnePercentOfTheCostIsABlocker() {
    // The case: "2,000,000" read as 2.00 gave $1.50 of impact against $2,000,000 to build.
    Finding slip = new ImpactCostCheck().check(proposal().impact(1.5).costs(2_000_000, 100_000).build(), PEOPLE,
        SETTINGS).get(0);
    assertThat(slip.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(slip.code()).isEqualTo("IMPACT_COST_ABSURD");
    assertThat(slip.message()).contains("$4.50 against $2,300,000").contains("below 1 % of the cost");
    // cost over 3 years 600,000: 1 % is 6,000 over the horizon, 2,000 a year
    assertThat(code(new ImpactCostCheck(), proposal().impact(1_999).build())).isEqualTo("IMPACT_COST_ABSURD");
    assertThat(code(new ImpactCostCheck(), proposal().impact(2_000).build())).isEqualTo("IMPACT_COST_LOW");
    assertThat(code(new ImpactCostCheck(), proposal().impact(0).build())).as("no estimate: completeness warns")
        .isEqualTo("IMPACT_COST_LOW");
  }

  @Test
  void zeroCostIsNoDivisionByZero() {
    assertThat(code(new ImpactCostCheck(), proposal().costs(0, 0).build())).isEqualTo("IMPACT_COST_NO_COST");
  }

  @Test
  void techLeadShouldFitTheBiggestBlocker() {
    assertThat(code(new TechLeadFitCheck(), proposal().lead("paul").blocker(Blocker.PRODUCTION_PERFORMANCE).build()))
        .isEqualTo("TECH_LEAD_FIT_OK");
    assertThat(code(new TechLeadFitCheck(), proposal().lead("priya").blocker(Blocker.STATISTICAL_PERFORMANCE).build()))
        .isEqualTo("TECH_LEAD_FIT_OK");
    Finding mismatch = new TechLeadFitCheck()
        .check(proposal().lead("priya").team("priya").blocker(Blocker.PRODUCTION_PERFORMANCE).build(), PEOPLE, SETTINGS)
        .get(0);
    assertThat(mismatch.severity()).isEqualTo(Severity.WARNING);
    assertThat(mismatch.message()).contains("ml-engineers").contains("priya is in data-scientists");
    assertThat(code(new TechLeadFitCheck(), proposal().lead("ivan").blocker(Blocker.STATISTICAL_PERFORMANCE).build()))
        .isEqualTo("TECH_LEAD_FIT_MISMATCH");
    assertThat(new TechLeadFitCheck().check(proposal().lead("ghost").build(), PEOPLE, SETTINGS))
        .as("an unknown lead is the technical-lead check's finding").isEmpty();
  }

  @Test
  void platformAlignment() {
    assertThat(code(new PlatformAlignmentCheck(), proposal().components("feature-store").build()))
        .isEqualTo("PLATFORM_ALIGNED");
    assertThat(code(new PlatformAlignmentCheck(), proposal().components().build())).isEqualTo("PLATFORM_NOT_USED");
    assertThat(code(new PlatformAlignmentCheck(), proposal().components("spreadsheet").build()))
        .isEqualTo("PLATFORM_UNKNOWN_COMPONENT");
  }

  @Test
  void completenessBlocksThinDescriptionsAndWarnsOfMissingImpact() {
    List<Finding> thin = new CompletenessCheck().check(proposal().problem("Too short").impact(0).build(), PEOPLE, SETTINGS);
    assertThat(thin).extracting(Finding::code).containsExactly("COMPLETENESS_PROBLEM_TOO_THIN", "COMPLETENESS_NO_IMPACT");
    assertThat(Findings.hasBlocker(thin)).isTrue();
    assertThat(code(new CompletenessCheck(), proposal().build())).isEqualTo("COMPLETENESS_OK");
  }

  @Test
  void summaryListsBlockersFirst() {
    String summary = Findings.summary(List.of(Finding.info("A", "a"), Finding.blocker("B", "b"), Finding.warning("C", "c")));

    assertThat(summary).isEqualTo("- BLOCKER B: b\n- WARNING C: c\n- INFO A: a");
    assertThat(Findings.summary(List.of())).isEqualTo("No findings.");
  }

  private static String code(ScreeningCheck check, Proposal proposal) {
    return check.check(proposal, PEOPLE, SETTINGS).get(0).code();
  }

  /** A healthy proposal; each test changes what it is about. */
  static final class ProposalBuilder {
    private String problem = "Search ranking ignores delivery time, so customers abandon slow restaurants.";
    private double impact = 2_000_000;
    private double buildCost = 300_000;
    private double maintenance = 100_000;
    private double rulesShare = 25;
    private Double thirdPartyCost;
    private boolean engineeringAlone;
    private Blocker blocker = Blocker.PRODUCTION_PERFORMANCE;
    private List<String> team = List.of("paul", "priya");
    private String lead = "paul";
    private List<String> components = List.of("feature-store", "model-serving");

    ProposalBuilder problem(String problem) {
      this.problem = problem;
      return this;
    }

    ProposalBuilder impact(double impact) {
      this.impact = impact;
      return this;
    }

    ProposalBuilder costs(double buildCost, double maintenance) {
      this.buildCost = buildCost;
      this.maintenance = maintenance;
      return this;
    }

    ProposalBuilder rulesShare(double rulesShare) {
      this.rulesShare = rulesShare;
      return this;
    }

    ProposalBuilder thirdParty(Double yearlyCost) {
      this.thirdPartyCost = yearlyCost;
      return this;
    }

    ProposalBuilder engineeringAlone(boolean engineeringAlone) {
      this.engineeringAlone = engineeringAlone;
      return this;
    }

    ProposalBuilder blocker(Blocker blocker) {
      this.blocker = blocker;
      return this;
    }

    ProposalBuilder team(String... team) {
      this.team = List.of(team);
      return this;
    }

    ProposalBuilder lead(String lead) {
      this.lead = lead;
      return this;
    }

    ProposalBuilder components(String... components) {
      this.components = List.of(components);
      return this;
    }

    Proposal build() {
      return new Proposal("Ranking by delivery time", "search", problem,
          "A learning-to-rank model on the feature store, served by the platform.", impact, buildCost, maintenance,
          rulesShare, thirdPartyCost != null, thirdPartyCost, engineeringAlone, blocker, team, lead, components,
          List.of());
    }
  }
}
