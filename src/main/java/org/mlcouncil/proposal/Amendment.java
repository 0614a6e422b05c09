package org.mlcouncil.proposal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.council.CouncilTally;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.directory.Groups.PodLead;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.screening.Findings;
import org.mlcouncil.proposal.screening.Screening;
import org.mlcouncil.review.PodReview;
import org.mlcouncil.review.PodReviewTally;
import org.springframework.stereotype.Component;

/**
 * Why an item (a proposal, a job description, a technology decision) came back to the person
 * who submitted it, for the amendment mail and form: the screening's blockers, the pod leads'
 * requests and rejections, or the council's.
 */
@Component("amendment")
public class Amendment {

  private final Screening screening;
  private final PodReviewTally podReviewTally;
  private final CouncilTally councilTally;

  public Amendment(Screening screening, PodReviewTally podReviewTally, CouncilTally councilTally) {
    this.screening = screening;
    this.podReviewTally = podReviewTally;
    this.councilTally = councilTally;
  }

  /** One line per reason; long comments are cut so the reasons fit the String variable the form reads. */
  public String reasons(VariableScope scope) {
    List<String> reasons = new ArrayList<>();
    Findings.blockers(screening.findings(scope)).forEach(finding -> reasons.add("- Screening: " + finding));
    for (PodReview review : podReviewTally.of(scope)) {
      if (review.decision() != PodReview.Decision.APPROVE) {
        reasons.add("- " + PodLead.describe(review.group()) + " (" + review.reviewer() + ") "
            + (review.decision() == PodReview.Decision.REJECT ? "rejected it" : "asked for changes") + ": "
            + review.comment());
      }
    }
    if ("changes-requested".equals(scope.getVariable("councilDecision"))) {
      reasons.add("- ML Council: " + scope.getVariable("councilRationale"));
      for (CouncilVote vote : councilTally.of(scope)) {
        if (vote.vote() != CouncilVote.Decision.APPROVED) {
          reasons.add("  - " + vote.describe());
        }
      }
    }
    return reasons.isEmpty() ? "No reasons were recorded." : TextLimits.lines(reasons);
  }
}
