package org.mlcouncil.council;

import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.council.CouncilVote.Decision;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.review.ReviewerIdentity;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of a council member's vote. The form's values live only while
 * the task is completed ({@link org.mlcouncil.platform.TransientFormFields}); the vote is kept
 * under the member's name. It writes nothing else: the
 * votes are counted after the task, in the process's own asynchronous steps.
 */
@Component("recordCouncilVote")
public class RecordCouncilVote implements TaskListener {

  static final int MAX_COMMENT = TextLimits.STRING_VARIABLE;

  private final CouncilTally councilTally;
  private final ReviewerIdentity reviewers;

  public RecordCouncilVote(CouncilTally councilTally, ReviewerIdentity reviewers) {
    this.councilTally = councilTally;
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision vote = Decision.of(task.getVariable("vote"));
    if (vote == null) {
      throw new BadUserRequestException("vote: choose approve, request-changes, reject or recommend-buying");
    }
    String comment = CouncilText.comment(task.getVariable("comment"), vote, "comment", MAX_COMMENT);
    councilTally.record(task, new CouncilVote(reviewers.actingUser(task), vote, comment, ClockUtil.getCurrentTime().toInstant()));
  }
}
