package org.mlcouncil.review;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.SeparateVariables;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.review.PodReview.Decision;
import org.springframework.stereotype.Component;

/**
 * The pod leads' reviews of the current round and what the process asks of them: whether
 * someone rejected, who has not reviewed yet, the aggregated decision. Each group's review is a
 * variable of its own on the proposal ({@code podReview:<group>}), written by that group's task
 * alone, so leads who complete at the same moment never update the same row. The list
 * {@code podReviews}, which mails and Cockpit read, is published from them by the process's own
 * asynchronous steps.
 */
@Component("podReviewTally")
public class PodReviewTally {

  static final String VARIABLE = "podReviews";

  private final JsonVariables json;
  private final SeparateVariables<PodReview> reviews;

  public PodReviewTally(JsonVariables json) {
    this.json = json;
    this.reviews = new SeparateVariables<>(json, "podReview:", new TypeReference<>() {
    }, Comparator.comparing(PodReview::reviewedAt).thenComparing(PodReview::group));
  }

  public List<PodReview> of(VariableScope scope) {
    return reviews.of(scope);
  }

  /** The reviews as read from a variable map, e.g. the proposal's variables. */
  public List<PodReview> of(Map<String, Object> variables) {
    return reviews.of(variables);
  }

  /** Keeps a review on the proposal under its group, replacing an earlier one of this round. */
  public void record(DelegateTask task, PodReview review) {
    reviews.write(task, review.group(), review);
  }

  /** Writes {@code podReviews}, the list of this round's reviews, e.g. before a mail lists them. */
  public void publish(VariableScope scope) {
    json.write(scope, VARIABLE, of(scope));
  }

  /** One line per review of this round, for the council's forms; long comments are cut to fit a String variable. */
  public String summary(VariableScope scope) {
    List<PodReview> reviews = of(scope);
    return reviews.isEmpty() ? "No pod lead reviewed it." : TextLimits.lines(reviews.stream()
        .map(review -> "- " + review.describe()).toList());
  }

  /** Starts a fresh round after the proposer amended the proposal. */
  public void clear(VariableScope scope) {
    reviews.removeAll(scope);
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
