package org.mlcouncil.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A pod whose lead groups have nobody in them cannot review a proposal: the start form does not
 * offer it, and a submission naming it anyway is refused, naming the pod and its empty groups.
 * The demo organisation staffs only search and dispatch.
 */
@IntegrationTest
class UnstaffedPodIT {

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  @Test
  void aProposalForAPodNobodyCanReviewIsRefusedNamingThePodAndNothingStarts() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count();
    Map<String, Object> proposal = ProposalData.validForRest("For the marketing pod");
    proposal.put("pod", "marketing");

    ResponseEntity<String> refused = EngineRest.start(rest, "paul", "ml-proposal", proposal);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("pod: the marketing pod cannot review proposals yet: nobody is in "
        + "pod-marketing-pm, pod-marketing-em, pod-marketing-ds-manager, pod-marketing-analytics-manager");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count())
        .isEqualTo(before);
  }

  @Test
  void theStartFormOffersOnlyPodsWhoseLeadsCanReviewAndFollowsTheDirectory() throws Exception {
    assertThat(podsOffered(EngineRest.class, "paul")).containsExactly("search", "dispatch");
    assertThat(podsOffered(WebappSession.class, "paul")).as("as Tasklist fetches it").containsExactly("search", "dispatch");

    // Staffing the fraud pod's four lead groups puts it on the form.
    List<String> leads = List.of("pm", "em", "ds-manager", "analytics-manager");
    leads.forEach(lead -> identityService.createMembership("ivan", "pod-fraud-" + lead));
    try {
      assertThat(podsOffered(EngineRest.class, "paul")).containsExactly("search", "dispatch", "fraud");
    } finally {
      leads.forEach(lead -> identityService.deleteMembership("ivan", "pod-fraud-" + lead));
    }
  }

  /** The pods the start form of {@code ml-proposal} offers, fetched over the REST API or as Tasklist does. */
  private List<String> podsOffered(Class<?> api, String user) throws Exception {
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ml-proposal")
        .latestVersion().singleResult().getId();
    ResponseEntity<String> form = api == WebappSession.class
        ? WebappSession.login(rest, user).call(HttpMethod.GET, "/process-definition/" + definition + "/deployed-start-form", null)
        : rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/process-definition/" + definition
            + "/deployed-start-form", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> pods = new ArrayList<>();
    for (JsonNode component : new ObjectMapper().readTree(form.getBody()).path("components")) {
      if (component.path("key").asText().equals("pod")) {
        component.path("values").forEach(value -> pods.add(value.path("value").asText()));
      }
    }
    return pods;
  }
}
