package org.mlcouncil.jobdescription;

import java.util.List;
import org.mlcouncil.proposal.screening.Finding;
import org.mlcouncil.submission.Validated;

/**
 * Whether the council can judge a job description: every field valid (values can change in
 * Cockpit after intake) and a text neither too thin to judge nor too long to read.
 */
public final class JobDescriptionCheck {

  private JobDescriptionCheck() {
  }

  public static List<Finding> findings(Validated<JobDescription> submitted, JobDescriptionProperties settings) {
    if (!submitted.errors().isEmpty()) {
      return submitted.errors().stream()
          .map(error -> Finding.blocker("JD_FIELD_INVALID", "Fix the field " + error))
          .toList();
    }
    JobDescription job = submitted.value();
    if (job.isLink()) {
      return List.of(Finding.info("JD_LINKED",
          "The job description is a link (" + job.description() + "); council members read it there."));
    }
    int length = job.description().length();
    if (length < settings.minTextLength()) {
      return List.of(Finding.blocker("JD_TOO_SHORT", "The job description has " + length + " characters; the council "
          + "needs at least " + settings.minTextLength() + " to judge the role. Say what the person will do, with whom, "
          + "and what they must know, or give an https link to the full text."));
    }
    if (length > settings.longTextLength()) {
      return List.of(Finding.warning("JD_VERY_LONG", "The job description has " + length + " characters; candidates "
          + "rarely read more than about " + settings.longTextLength() + ". Consider shortening it."));
    }
    return List.of(Finding.info("JD_LENGTH_OK", "The job description (" + length + " characters) is long enough to "
        + "judge the role."));
  }
}
