package org.mlcouncil.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the separate pod-lead reviews into the list {@code podReviews}, its text
 * {@code podReviewsSummary} and one decision, {@code podDecision}.
 */
@Component("aggregatePodReviews")
public class AggregatePodReviews implements JavaDelegate {

  private final PodReviewTally podReviewTally;

  public AggregatePodReviews(PodReviewTally podReviewTally) {
    this.podReviewTally = podReviewTally;
  }

  @Override
  public void execute(DelegateExecution execution) {
    podReviewTally.publish(execution);
    // The council's vote form shows what the pod leads said (itemReviews on the council review).
    execution.setVariable("podReviewsSummary", podReviewTally.summary(execution));
    execution.setVariable("podDecision", PodReviewTally.decide(podReviewTally.of(execution)));
  }
}
