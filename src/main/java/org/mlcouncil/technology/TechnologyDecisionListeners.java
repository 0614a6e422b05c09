package org.mlcouncil.technology;

import org.mlcouncil.platform.BusinessKeys;
import org.mlcouncil.platform.Initiator;
import org.mlcouncil.submission.SubmissionAmendment;
import org.mlcouncil.submission.SubmissionIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners of {@code technology-decision}, named as its BPMN names them. */
@Configuration
public class TechnologyDecisionListeners {

  @Bean
  public SubmissionIntake technologyDecisionIntake(TechnologyDecisionVariables decisions, BusinessKeys businessKeys,
                                           Initiator initiator) {
    return new SubmissionIntake(decisions, businessKeys, initiator);
  }

  @Bean
  public SubmissionAmendment technologyDecisionAmendment(TechnologyDecisionVariables decisions) {
    return new SubmissionAmendment(decisions);
  }
}
