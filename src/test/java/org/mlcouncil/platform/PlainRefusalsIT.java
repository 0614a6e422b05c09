package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What Tasklist shows when the server refuses a start form: plain words naming the fields as the form labels them. */
@IntegrationTest
class PlainRefusalsIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  @Test
  void aRefusedStartFormReadsInPlainWordsWithTheFormsLabelsAndNoEnginePrefix() throws Exception {
    Map<String, Object> proposal = ProposalData.validForRest("Plain refusal");
    proposal.put("technicalLead", "pual");
    proposal.put("buildCost", "2,5");
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ml-proposal")
        .latestVersion().singleResult().getId();

    ResponseEntity<String> refused = WebappSession.login(rest, "paul").call(HttpMethod.POST,
        "/process-definition/" + definition + "/submit-form", json(proposal));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(refused)).isEqualTo("Build cost (USD): '2,5' is not an amount the platform can read for sure; "
        + "write it like 2,000,000, 2 000 000, 2M, 300k or 1500.50 (US dollars); "
        + "Technical lead: 'pual' is not a known user — did you mean paul?");

    ResponseEntity<String> sameOverRest = rest.withBasicAuth("paul", "demo").postForEntity(
        "/engine-rest/process-definition/" + definition + "/submit-form", new org.springframework.http.HttpEntity<>(
            json(proposal), jsonHeaders()), String.class);
    assertThat(message(sameOverRest)).as("REST clients get the variable names")
        .contains("technicalLead: 'pual' is not a known user — did you mean paul?");
  }

  @Test
  void aFieldTheFormDoesNotHaveIsRefusedWithoutTheEnginesPrefix() throws Exception {
    Map<String, Object> proposal = ProposalData.validForRest("Forged field");
    proposal.put("councilDecision", "approved");
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("ml-proposal")
        .latestVersion().singleResult().getId();

    ResponseEntity<String> refused = WebappSession.login(rest, "paul").call(HttpMethod.POST,
        "/process-definition/" + definition + "/submit-form", json(proposal));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(refused)).startsWith("councilDecision: not a field of the start form")
        .doesNotContain("Cannot instantiate").doesNotContain(definition);
  }

  private static String message(ResponseEntity<String> answer) throws Exception {
    return new ObjectMapper().readTree(answer.getBody()).path("message").asText();
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  private static String json(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return new ObjectMapper().writeValueAsString(Map.of("variables", variables));
  }
}
