package org.mlcouncil.jobdescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.submission.SubmittedValues;
import org.mlcouncil.submission.Validated;

/**
 * The server-side rules of a job description submission, the same as the start form's plus
 * what the form cannot check (configured pods, known users, real https links).
 */
public final class JobDescriptionValidator {

  public static final String KIND = "job description";
  public static final int MAX_TITLE = 200;
  /** A longer description is given as a link to where it is published. */
  public static final int MAX_DESCRIPTION = TextLimits.STRING_VARIABLE;
  public static final int MAX_TEXT = TextLimits.STRING_VARIABLE;
  public static final int MAX_INTERESTED = 50;
  public static final List<String> LEVELS = List.of("junior", "mid-level", "senior", "staff", "principal");

  private JobDescriptionValidator() {
  }

  public static Validated<JobDescription> validate(Map<String, Object> variables, List<String> pods,
                                                   Predicate<String> userExists) {
    SubmittedValues in = new SubmittedValues(variables);
    String roleTitle = in.text("roleTitle", MAX_TITLE, true);
    String track = in.choice("track", Track.submittable());
    String level = in.choice("level", LEVELS);
    String pod = in.choice("pod", pods);
    String description = in.text("description", MAX_DESCRIPTION, true);
    if (JobDescription.looksLikeLink(description) && !JobDescription.isHttpsLink(description)) {
      in.error("description", "a link must be a complete https:// address, e.g. https://careers.example.com/jobs/42");
    }
    String hiringProcess = in.text("hiringProcess", MAX_TEXT, true);
    List<String> interested = in.peopleToInform("interestedPeople", MAX_INTERESTED, userExists);
    return in.result(KIND, () -> new JobDescription(roleTitle, Track.of(track), level, pod, description,
        hiringProcess, interested));
  }

  /** The values the process keeps, under the names the forms use. */
  public static Map<String, Object> variables(JobDescription job) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("roleTitle", job.roleTitle());
    variables.put("track", job.track().value());
    variables.put("level", job.level());
    variables.put("pod", job.pod());
    variables.put("description", job.description());
    variables.put("hiringProcess", job.hiringProcess());
    variables.put("interestedPeople", String.join(", ", job.interestedPeople()));
    return variables;
  }
}
