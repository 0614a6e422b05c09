package org.mlcouncil.review;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.review.PodReview.Decision;
import org.springframework.stereotype.Component;

/**
 * The pod leads' reviews of the current round, in the JSON variable {@code podReviews}, and
 * what the process asks of them: whether someone rejected, who has not reviewed yet, the
 * aggregated decision.
 */
@Component("podReviewTally")
public class PodReviewTally {

  static final String VARIABLE = "podReviews";
  private static final TypeReference<List<PodReview>> LIST = new TypeReference<>() {
  };

  private final JsonVariables json;

  public PodReviewTally(JsonVariables json) {
    this.json = json;
  }

  public List<PodReview> of(VariableScope scope) {
    return json.read(scope, VARIABLE, LIST, List.of());
  }

  /** Records a review, replacing an earlier one of the same group in this round. */
  public void add(VariableScope scope, PodReview review) {
    List<PodReview> reviews = new ArrayList<>(of(scope));
    reviews.removeIf(existing -> existing.group().equals(review.group()));
    reviews.add(review);
    json.write(scope, VARIABLE, reviews);
  }

  /** Starts a fresh round after the proposer amended the proposal. */
  public void clear(VariableScope scope) {
    json.write(scope, VARIABLE, List.of());
  }

  /** The multi-instance completion condition: one rejection ends the review early. */
  public boolean anyRejected(VariableScope scope) {
    return of(scope).stream().anyMatch(review -> review.decision() == Decision.REJECT);
  }

  /** Groups that still owe a review, as mail recipients. */
  public List<String> pendingGroups(VariableScope scope) {
    Set<String> reviewed = of(scope).stream().map(PodReview::group).collect(Collectors.toSet());
    @SuppressWarnings("unchecked")
    List<String> groups = (List<String>) scope.getVariable("podLeadGroups");
    return groups.stream().filter(group -> !reviewed.contains(group)).map(Recipients::group).toList();
  }

  /** Any rejection rejects; otherwise any change request sends it back; otherwise approved. */
  public static String decide(List<PodReview> reviews) {
    if (reviews.stream().anyMatch(review -> review.decision() == Decision.REJECT)) {
      return "rejected";
    }
    if (reviews.stream().anyMatch(review -> review.decision() == Decision.REQUEST_CHANGES)) {
      return "changes-requested";
    }
    return "approved";
  }
}
