package org.mlcouncil.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineOfThisTest;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * What each step shows of the steps before it: the second pod round sees what the leads asked
 * for and what the proposer changed, field by field; the council's vote form sees the pod
 * leads' reviews and comments, an approver's comment included.
 */
@IntegrationTest
@ExtendWith(EngineOfThisTest.class)
class ReviewContextIT {

  private static final Map<String, String> SEARCH_LEADS = Map.of(
      "pod-search-pm", "sarah", "pod-search-em", "sam",
      "pod-search-ds-manager", "sofia", "pod-search-analytics-manager", "simon");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  /** The mails the items sent are still going out; the coverage listener must not read events meanwhile. */
  @AfterEach
  void letAsyncWorkFinish() {
    AsyncWork.awaitDone(managementService);
  }

  @Test
  void theSecondRoundSeesWhatWasAskedAndChangedAndTheCouncilSeesThePodReviews() {
    ProcessInstance proposal = ActingUser.as(identityService, "paul", () -> runtimeService.startProcessInstanceByKey(
        "ml-proposal", ProposalData.valid("Context " + UUID.randomUUID().toString().substring(0, 8))));
    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("reviewProposal"));
    review(proposal, "pod-search-pm", "approve", null);
    review(proposal, "pod-search-em", "request-changes", "Halve the build cost by reusing the ranking service.");
    review(proposal, "pod-search-ds-manager", "approve", null);
    review(proposal, "pod-search-analytics-manager", "approve", null);

    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("amendProposal"));
    Task amend = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    assertThat(taskService.getVariable(amend.getId(), "itemId")).as("the Amend form's heading")
        .isEqualTo(proposal.getBusinessKey());
    assertThat(EngineRest.complete(rest, "paul", amend.getId(), Map.of("buildCost", "150k", "team", "paul, priya, ivan"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("reviewProposal"));
    Task secondRound = taskFor(proposal, "pod-search-em");
    assertThat(taskService.getVariable(secondRound.getId(), "askedLastRound").toString())
        .contains("Search pod — engineering manager (sam) asked for changes: Halve the build cost by reusing the ranking service.");
    assertThat(taskService.getVariable(secondRound.getId(), "proposalChanges").toString()).isEqualTo(
        "- Build cost: '$300,000' → '$150,000'\n- Team: 'paul, priya' → 'paul, priya, ivan'");

    review(proposal, "pod-search-pm", "approve", "Worth it: checkout abandonment is our top metric.");
    for (String group : List.of("pod-search-em", "pod-search-ds-manager", "pod-search-analytics-manager")) {
      review(proposal, group, "approve", null);
    }

    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("reviewByCouncil"));
    ProcessInstance council = runtimeService.createProcessInstanceQuery().superProcessInstanceId(proposal.getId())
        .singleResult();
    await().untilAsserted(() -> assertThat(council).isWaitingAt("voteOnItem"));
    Task vote = new CouncilItems(runtimeService, taskService, identityService, managementService).voteTask(council, "marcus");
    assertThat(taskService.getVariable(vote.getId(), "itemReviews").toString())
        .contains("pod-search-pm (sarah): approve, scores problem 4 / prioritisation 3 / impact versus cost 4 – "
            + "Worth it: checkout abandonment is our top metric.")
        .contains("pod-search-em (sam): approve");
    assertThat(taskService.getVariable(vote.getId(), "itemChanges").toString()).contains("- Build cost: '$300,000' → '$150,000'");
    runtimeService.deleteProcessInstance(proposal.getId(), "context checked");
  }

  private Task taskFor(ProcessInstance proposal, String group) {
    return taskService.createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey("reviewProposal")
        .taskCandidateGroup(group).singleResult();
  }

  private void review(ProcessInstance proposal, String group, String decision, String comment) {
    String lead = SEARCH_LEADS.get(group);
    Task task = taskFor(proposal, group);
    ActingUser.as(identityService, lead, () -> {
      taskService.claim(task.getId(), lead);
      Map<String, Object> form = new HashMap<>(Map.of("decision", decision, "businessProblemScore", "4",
          "prioritisationScore", "3", "impactCostScore", "4"));
      if (comment != null) {
        form.put("comment", comment);
      }
      taskService.complete(task.getId(), form);
    });
    await().until(() -> managementService.createJobQuery().processInstanceId(proposal.getId())
        .activityId("reviewProposal").count() == 0);
  }
}
