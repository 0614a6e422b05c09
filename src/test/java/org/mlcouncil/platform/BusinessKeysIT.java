package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Business keys stay unique when people submit at the same moment, and hand-chosen keys do not derail them. */
@IntegrationTest
class BusinessKeysIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired BusinessKeys businessKeys;

  @Test
  void simultaneousSubmissionsGetDistinctKeys() throws Exception {
    int submissions = 48;
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
    for (int i = 0; i < submissions; i++) {
      String user = List.of("paul", "priya", "ivan", "sam").get(i % 4);
      Map<String, Object> variables = ProposalData.validForRest("Simultaneous " + i);
      answers.add(clients.submit(() -> EngineRest.start(rest, user, "ml-proposal", variables)));
    }
    List<String> keys = new ArrayList<>();
    for (Future<ResponseEntity<String>> answer : answers) {
      ResponseEntity<String> response = answer.get(2, TimeUnit.MINUTES);
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
      String id = response.getBody().replaceFirst(".*\"id\":\"([^\"]+)\".*", "$1");
      keys.add(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey());
    }
    clients.shutdown();
    AsyncWork.awaitDone(managementService);

    assertThat(keys).hasSize(submissions).doesNotHaveDuplicates().allMatch(key -> key.matches("MLP-\\d{4}-\\d{4,}"));
  }

  @Test
  void keysChosenByHandAreSkippedNotRepeated() {
    String next = businessKeys.next("TKT");
    String stem = next.substring(0, next.lastIndexOf('-') + 1);
    int number = Integer.parseInt(next.substring(stem.length()));
    // An administrator may start with keys of their own, such as the next number or no number at all.
    String deployment = repositoryService.createDeployment().addModelInstance("key-holder.bpmn",
        Bpmn.createExecutableProcess("key-holder").camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
        .deploy().getId();
    try {
      runtimeService.startProcessInstanceByKey("key-holder", stem + String.format("%04d", number + 1));
      runtimeService.startProcessInstanceByKey("key-holder", stem + "ZZZZ");

      assertThat(businessKeys.next("TKT")).isEqualTo(stem + String.format("%04d", number + 2));
      assertThat(businessKeys.next("TKT")).isEqualTo(stem + String.format("%04d", number + 3));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }
}
