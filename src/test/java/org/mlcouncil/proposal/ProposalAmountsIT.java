package org.mlcouncil.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineOfThisTest;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Amounts as a person types them into Tasklist's start form: read as meant, shown one way on
 * every later form, refused naming the field when they could mean two things, and an impact
 * below 1 % of the cost sent back to the proposer as a BLOCKER.
 */
@IntegrationTest
@ExtendWith(EngineOfThisTest.class)
class ProposalAmountsIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  /** The mails the items sent are still going out; the coverage listener must not read events meanwhile. */
  @AfterEach
  void letAsyncWorkFinish() {
    AsyncWork.awaitDone(managementService);
  }

  @Test
  void amountsTypedWithSeparatorsAndUnitsReachThePodLeadsFormAsMeant() {
    Map<String, Object> typed = proposal("Typed amounts");
    typed.put("estimatedAnnualImpact", "2,000,000");
    typed.put("buildCost", "300k");
    typed.put("yearlyMaintenanceCost", "$100 000");
    typed.put("thirdPartyOptionExists", true);
    typed.put("thirdPartyYearlyCost", "$1.5M");

    ProcessInstance proposal = started(EngineRest.start(rest, "paul", "ml-proposal", typed));

    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("reviewProposal"));
    Task review = taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskCandidateGroup("pod-search-pm").singleResult();
    Map<String, Object> form = formVariables("sarah", review.getId());
    assertThat(form).containsEntry("estimatedAnnualImpact", "$2,000,000").containsEntry("buildCost", "$300,000")
        .containsEntry("yearlyMaintenanceCost", "$100,000").containsEntry("thirdPartyYearlyCost", "$1,500,000")
        .containsEntry("impactAndCost", "Impact $2,000,000 per year; build $300,000; maintenance $100,000 per year; "
            + "third-party option: $1,500,000 per year");
    assertThat(runtimeService.getVariable(proposal.getId(), "findingsSummary").toString())
        .contains("$6,000,000 against $600,000").doesNotContain("BLOCKER");
    runtimeService.deleteProcessInstance(proposal.getId(), "amounts checked");
  }

  @Test
  void anAmountThatCouldMeanTwoThingsIsRefusedNamingTheFieldAndNothingStarts() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count();
    Map<String, Object> typed = proposal("Ambiguous amount");
    typed.put("buildCost", "2,5");
    typed.put("yearlyMaintenanceCost", "2.000.000");

    ResponseEntity<String> refused = EngineRest.start(rest, "paul", "ml-proposal", typed);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("'2,5' is not an amount the platform can read for sure")
        .contains("'2.000.000' is not an amount").contains("2M").doesNotContain("at org.");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count())
        .as("no proposal was started").isEqualTo(before);
  }

  @Test
  void anImpactBelowOnePercentOfTheCostGoesBackToTheProposerAsABlocker() {
    Map<String, Object> typed = proposal("Impact read as cents");
    // What the old number field made of "2,000,000": 2.00.
    typed.put("estimatedAnnualImpact", "2.00");
    typed.put("buildCost", "2,000,000");

    ProcessInstance proposal = started(EngineRest.start(rest, "paul", "ml-proposal", typed));

    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("amendProposal"));
    Task amend = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    Map<String, Object> form = formVariables("paul", amend.getId());
    assertThat(form.get("amendmentReasons").toString()).contains("BLOCKER IMPACT_COST_ABSURD")
        .contains("$6 against $2,300,000").contains("below 1 % of the cost");
    assertThat(form).containsEntry("estimatedAnnualImpact", "$2").containsEntry("itemId", proposal.getBusinessKey());

    ResponseEntity<String> amended = EngineRest.complete(rest, "paul", amend.getId(),
        Map.of("estimatedAnnualImpact", "2M"));

    assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    await().untilAsserted(() -> assertThat(proposal).isWaitingAt("reviewProposal"));
    assertThat(runtimeService.getVariable(proposal.getId(), "estimatedAnnualImpact")).isEqualTo("$2,000,000");
    runtimeService.deleteProcessInstance(proposal.getId(), "amounts checked");
  }

  private static Map<String, Object> proposal(String title) {
    return ProposalData.validForRest(title + " " + UUID.randomUUID().toString().substring(0, 8));
  }

  private ProcessInstance started(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return runtimeService.createProcessInstanceQuery().processInstanceId(EngineRest.id(response)).singleResult();
  }

  /** The values Tasklist gives the task's form, as the user sees them. */
  private Map<String, Object> formVariables(String user, String taskId) {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> variables = rest.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/task/" + taskId + "/form-variables", Map.class);
    Map<String, Object> values = new java.util.HashMap<>();
    variables.forEach((name, variable) -> values.put(name, variable.get("value")));
    return values;
  }
}
