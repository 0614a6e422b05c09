package org.mlcouncil.jobdescription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.directory.DirectoryProperties;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.screening.PeopleDirectory;
import org.mlcouncil.submission.SubmissionKind;
import org.mlcouncil.submission.Validated;
import org.springframework.stereotype.Component;

/** A job description's process variables: validated, normalised, and what the council needs from them. */
@Component
public class JobDescriptionVariables implements SubmissionKind {

  private final DirectoryProperties directory;
  private final PeopleDirectory people;

  public JobDescriptionVariables(DirectoryProperties directory, PeopleDirectory people) {
    this.directory = directory;
    this.people = people;
  }

  @Override
  public String kind() {
    return JobDescriptionValidator.KIND;
  }

  @Override
  public String keyPrefix() {
    return "JD";
  }

  public Validated<JobDescription> validate(Map<String, Object> submitted) {
    return JobDescriptionValidator.validate(submitted, directory.pods(), people::exists);
  }

  @Override
  public void store(Map<String, Object> submitted, VariableScope process) {
    JobDescription job = validate(submitted).orThrow();
    Object hiringManager = process.getVariable("hiringManager");
    process.setVariables(JobDescriptionValidator.variables(job));
    process.setVariable("title", job.roleTitle());
    Set<String> interested = new LinkedHashSet<>();
    if (hiringManager instanceof String user) {
      interested.add(user);
    }
    interested.addAll(job.interestedPeople());
    process.setVariable("interested", new ArrayList<>(interested));
    process.setVariable("summary", TextLimits.summary(texts -> "Hiring manager: " + hiringManager
        + " · Track: " + job.track().label() + " · Level: " + job.level() + " · Pod: " + job.pod() + "\n\n"
        + "Job description: " + texts.get(0) + "\n\n"
        + "Hiring process: " + texts.get(1), List.of(job.description(), job.hiringProcess())));
  }
}
