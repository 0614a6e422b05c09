package org.mlcouncil.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.mlcouncil.proposal.ProposalData;

/** What people do in Tasklist, as the REST calls Tasklist makes: submit, claim, review, vote. */
public final class Clicks {

  /** The search pod's leads (one per lead group), who review every proposal of the suite. */
  static final Map<String, String> SEARCH_POD_LEADS = Map.of(
      "sarah", "pod-search-pm", "sam", "pod-search-em", "sofia", "pod-search-ds-manager",
      "simon", "pod-search-analytics-manager");
  /** The council members who vote on a proposal whose proposer and technical lead is paul. */
  public static final List<String> VOTERS = List.of("clara", "ines", "marcus", "nina");

  private Clicks() {
  }

  /** Submits a healthy proposal (technical lead paul) from the start form. */
  public static Answer submitProposal(Client proposer, String title) {
    return proposer.post("/engine-rest/process-definition/key/ml-proposal/start",
        Map.of("variables", typed(ProposalData.validForRest(title))));
  }

  /** Ids of the pod reviews open for the reviewer's lead group, claimed or not. */
  static List<String> openReviews(Client reviewer, int max) {
    Answer answer = reviewer.get("/engine-rest/task?processDefinitionKey=ml-proposal&taskDefinitionKey=reviewProposal"
        + "&candidateGroup=" + SEARCH_POD_LEADS.get(reviewer.user()) + "&includeAssignedTasks=true&maxResults=" + max);
    return answer.acknowledged() ? ids(answer.json()) : List.of();
  }

  /** The reviewer's pod review of one proposal, if it is open. */
  static List<String> reviewOf(Client reviewer, String processInstanceId) {
    Answer answer = reviewer.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&candidateGroup="
        + SEARCH_POD_LEADS.get(reviewer.user()) + "&includeAssignedTasks=true");
    return answer.acknowledged() ? ids(answer.json()) : List.of();
  }

  public static Answer claim(Client user, String taskId) {
    return user.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user.user()));
  }

  static Answer approveReview(Client reviewer, String taskId) {
    return reviewer.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(Map.of(
        "decision", "approve", "businessProblemScore", "4", "prioritisationScore", "3", "impactCostScore", "4"))));
  }

  public static Answer approveVote(Client member, String taskId) {
    return member.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed(Map.of("vote", "approve"))));
  }

  private static List<String> ids(JsonNode tasks) {
    return StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("id").asText()).toList();
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new HashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
