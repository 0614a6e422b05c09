package org.mlcouncil.jobdescription;

import org.mlcouncil.platform.BusinessKeys;
import org.mlcouncil.platform.Initiator;
import org.mlcouncil.submission.SubmissionAmendment;
import org.mlcouncil.submission.SubmissionIntake;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners of {@code job-description-review}, named as its BPMN names them. */
@Configuration
public class JobDescriptionListeners {

  @Bean
  public SubmissionIntake jobDescriptionIntake(JobDescriptionVariables jobDescriptions, BusinessKeys businessKeys,
                                           Initiator initiator) {
    return new SubmissionIntake(jobDescriptions, businessKeys, initiator);
  }

  @Bean
  public SubmissionAmendment jobDescriptionAmendment(JobDescriptionVariables jobDescriptions) {
    return new SubmissionAmendment(jobDescriptions);
  }
}
