package org.mlcouncil.review;

import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.review.PodReview.Decision;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of a pod lead's review: checks what the form cannot
 * (a comment unless approving) and keeps the review under the reviewer's group. The form's
 * values live only while the task is completed, on the task's own scope
 * ({@link org.mlcouncil.platform.TransientFormFields}), and the review in a variable of its
 * group's own, so parallel reviewers never overwrite each other nor update the same row.
 */
@Component("recordPodReview")
public class RecordPodReview implements TaskListener {

  public static final int MAX_COMMENT = TextLimits.STRING_VARIABLE;

  private final PodReviewTally podReviewTally;
  private final ReviewerIdentity reviewers;

  public RecordPodReview(PodReviewTally podReviewTally, ReviewerIdentity reviewers) {
    this.podReviewTally = podReviewTally;
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision decision = Decision.of(task.getVariable("decision"));
    if (decision == null) {
      throw new BadUserRequestException("decision: choose approve, request-changes or reject");
    }
    String comment = text(task.getVariable("comment"));
    if (decision != Decision.APPROVE && comment.isBlank()) {
      throw new BadUserRequestException("comment: say what should change or why you reject");
    }
    if (comment.length() > MAX_COMMENT) {
      throw new BadUserRequestException("comment: must be at most " + MAX_COMMENT + " characters (got "
          + comment.length() + ")");
    }
    podReviewTally.record(task, new PodReview(
        (String) task.getVariable("podLeadGroup"),
        reviewers.actingUser(task),
        decision,
        comment.strip(),
        score(task, "businessProblemScore"),
        score(task, "prioritisationScore"),
        score(task, "impactCostScore"),
        ClockUtil.getCurrentTime().toInstant()));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Integer score(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      int score = (int) Double.parseDouble(value.toString());
      if (score >= 1 && score <= 5) {
        return score;
      }
    } catch (NumberFormatException e) {
      // reported below with the field name
    }
    throw new BadUserRequestException(field + ": must be a score from 1 to 5");
  }
}
