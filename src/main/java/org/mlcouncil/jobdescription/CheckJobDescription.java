package org.mlcouncil.jobdescription;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.proposal.screening.Screening;
import org.springframework.stereotype.Component;

/** Service task "Check job description": a fresh set of findings each round; a BLOCKER sends it back. */
@Component("checkJobDescription")
public class CheckJobDescription implements JavaDelegate {

  private final JobDescriptionVariables jobDescriptions;
  private final JobDescriptionProperties settings;
  private final Screening screening;

  public CheckJobDescription(JobDescriptionVariables jobDescriptions, JobDescriptionProperties settings,
                             Screening screening) {
    this.jobDescriptions = jobDescriptions;
    this.settings = settings;
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.reset(execution);
    screening.add(execution, JobDescriptionCheck.findings(jobDescriptions.validate(execution.getVariables()), settings));
  }
}
