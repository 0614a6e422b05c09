package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.LdapIntegrationTest;
import org.mlcouncil.support.LdapTestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A person of the company directory in a real browser: the search pod's product manager, in her
 * pod's directory group only, logs in to Tasklist with her directory password, finds the
 * proposal under "Pod reviews", claims it and approves it with the review form.
 */
@LdapIntegrationTest
@ExtendWith(ChromiumAvailable.class)
class DirectoryJourneyIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  private Tasklist tasklist;

  @AfterEach
  void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @Test
  void aDirectoryPodLeadLogsInToTasklistAndReviewsAProposal() {
    String title = "Directory journey " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = new HashMap<>(ProposalData.validForRest(title));
    values.put("team", "lpaul, lpriya");
    values.put("technicalLead", "lpaul");
    values.put("interestedPeople", "watcher@example.org");
    Map<String, Object> typed = new HashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    ResponseEntity<Map> started = rest.withBasicAuth("lpaul", LdapTestInfrastructure.PASSWORD).postForEntity(
        "/engine-rest/engine/" + LdapTestInfrastructure.ENGINE + "/process-definition/key/ml-proposal/start",
        Map.of("variables", typed), Map.class);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String proposal = (String) started.getBody().get("id");
    await().until(() -> taskService.createTaskQuery().processInstanceId(proposal).count() == 4);

    tasklist = new Tasklist("http://localhost:" + port, LdapTestInfrastructure.ENGINE);
    tasklist.loginAs("lsarah", LdapTestInfrastructure.PASSWORD);
    tasklist.openFilter("Pod reviews");
    tasklist.openTask("Review proposal " + started.getBody().get("businessKey"));
    assertThat(tasklist.formText()).contains(title);
    tasklist.claim();
    tasklist.choose("Business problem", "4 – good");
    tasklist.choose("Prioritisation", "3 – acceptable");
    tasklist.choose("Impact versus cost", "4 – good");
    tasklist.choose("Your decision", "Approve");
    tasklist.complete();
    tasklist.screenshot("directory-pod-lead-approved");

    HistoricTaskInstance review = await().atMost(Duration.ofSeconds(30)).until(() -> historyService
        .createHistoricTaskInstanceQuery().processInstanceId(proposal).taskAssignee("lsarah").finished()
        .singleResult(), found -> found != null);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewProposal");
    runtimeService.deleteProcessInstance(proposal, "journey over");
  }
}
