package org.mlcouncil.proposal.screening;

import org.mlcouncil.proposal.ProposalVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Spring bean per charter check, named as the BPMN's {@code delegateExpression}s name them,
 * so a process owner can reorder, drop or add checks in Camunda Modeler.
 */
@Configuration
public class ScreeningSteps {

  private final ProposalVariables proposals;
  private final PeopleDirectory people;
  private final ScreeningProperties settings;
  private final Screening screening;

  public ScreeningSteps(ProposalVariables proposals, PeopleDirectory people, ScreeningProperties settings,
                        Screening screening) {
    this.proposals = proposals;
    this.people = people;
    this.settings = settings;
    this.screening = screening;
  }

  @Bean
  public ScreeningStep checkCompleteness() {
    return step(new CompletenessCheck());
  }

  @Bean
  public ScreeningStep checkTechnicalLead() {
    return step(new TechnicalLeadCheck());
  }

  @Bean
  public ScreeningStep checkMlNeed() {
    return step(new MlNeedCheck());
  }

  @Bean
  public ScreeningStep checkSpeed() {
    return step(new SpeedCheck());
  }

  @Bean
  public ScreeningStep checkSufficiency() {
    return step(new SufficiencyCheck());
  }

  @Bean
  public ScreeningStep checkImpactCost() {
    return step(new ImpactCostCheck());
  }

  @Bean
  public ScreeningStep checkTechLeadFit() {
    return step(new TechLeadFitCheck());
  }

  @Bean
  public ScreeningStep checkPlatformAlignment() {
    return step(new PlatformAlignmentCheck());
  }

  private ScreeningStep step(ScreeningCheck check) {
    return new ScreeningStep(check, proposals, people, settings, screening);
  }
}
