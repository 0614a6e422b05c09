package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.LogCapture;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A refused user action, over every API people use, is answered with a 4xx naming the field or
 * rule and logged in one line without a stack trace.
 */
@IntegrationTest
class RefusedActionsIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void aSecondWithdrawalIsNotFoundAndLogsOneLine() {
    ProcessInstance proposal = submit("paul", ProposalData.valid(title("Withdrawn twice")));
    await().until(() -> podReviews(proposal).size() == 4);
    assertThat(withdraw(proposal).getStatusCode().value()).isEqualTo(200);

    Answer second = answer(() -> withdraw(proposal));

    assertThat(second.status()).as(second.body()).isEqualTo(404);
    assertThat(second.body()).contains("no open proposal " + proposal.getBusinessKey());
    second.assertLoggedOneLine("businessKey: no open proposal " + proposal.getBusinessKey());
  }

  @Test
  void aReviewWithoutCommentIsRefusedInOneLineOverRestAndTasklist() {
    ProcessInstance proposal = submit("paul", ProposalData.valid(title("Review without comment")));
    await().until(() -> podReviews(proposal).size() == 4);
    Task review = podReview(proposal, "pod-search-em");
    ActingUser.as(identityService, "sam", () -> taskService.claim(review.getId(), "sam"));
    String rejectWithoutComment = "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"businessProblemScore\":{\"value\":\"2\"},"
        + "\"prioritisationScore\":{\"value\":\"2\"},\"impactCostScore\":{\"value\":\"2\"}}}";

    Answer overRest = answer(() -> rest.withBasicAuth("sam", "demo").exchange("/engine-rest/task/" + review.getId()
        + "/complete", HttpMethod.POST, json(rejectWithoutComment), String.class));
    WebappSession tasklist = WebappSession.login(rest, "sam");
    Answer overTasklist = answer(() -> tasklist.call(HttpMethod.POST, "/task/" + review.getId() + "/submit-form",
        rejectWithoutComment));

    for (Answer refused : List.of(overRest, overTasklist)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("comment: say what should change or why you reject");
      refused.assertLoggedOneLine("comment: say what should change or why you reject");
    }
    assertThat(podReviews(proposal)).as("the review stays open").hasSize(4);
  }

  @Test
  void aNegativeCostInAnAmendmentIsRefusedInOneLineOverTasklist() {
    Map<String, Object> blocked = ProposalData.valid(title("Negative amendment"));
    blocked.put("rulesImpactShare", 90L);
    ProcessInstance proposal = submit("paul", blocked);
    await().until(() -> task(proposal, "amendProposal") != null);
    Task amend = task(proposal, "amendProposal");
    WebappSession tasklist = WebappSession.login(rest, "paul");

    Answer refused = answer(() -> tasklist.call(HttpMethod.POST, "/task/" + amend.getId() + "/submit-form",
        "{\"variables\":{\"buildCost\":{\"value\":-5}}}"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).as("Tasklist names the field by its label").contains("Build cost (USD): must not be negative");
    refused.assertLoggedOneLine("buildCost: must not be negative");
    assertThat(task(proposal, "amendProposal")).as("the amendment stays open").isNotNull();
  }

  @Test
  void theFourEyesRuleThroughTasklistIsARefusalInOneLine() {
    Map<String, Object> own = ProposalData.valid(title("Own review in Tasklist"));
    own.put("team", "sarah, sam");
    own.put("technicalLead", "sam");
    ProcessInstance proposal = submit("sarah", own);
    await().until(() -> podReviews(proposal).size() == 4);
    Task review = podReview(proposal, "pod-search-pm");
    WebappSession tasklist = WebappSession.login(rest, "sarah");

    Answer claim = answer(() -> tasklist.call(HttpMethod.POST, "/task/" + review.getId() + "/claim",
        "{\"userId\":\"sarah\"}"));
    Answer complete = answer(() -> tasklist.call(HttpMethod.POST, "/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}"));

    String rule = "Four-eyes rule: sarah is the proposer of " + proposal.getBusinessKey();
    for (Answer refused : List.of(claim, complete)) {
      assertThat(refused.status()).isBetween(400, 403);
      assertThat(refused.body()).contains(rule);
      refused.assertLoggedOneLine(rule);
    }
    assertThat(podReview(proposal, "pod-search-pm").getAssignee()).isNull();
  }

  /** What a request answered and what the request threads logged meanwhile. */
  private record Answer(int status, String body, List<ILoggingEvent> requestLog) {

    void assertLoggedOneLine(String refusal) {
      assertThat(requestLog).as("one line, no stack trace").singleElement().satisfies(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage()).startsWith("Refused: ").contains(refusal);
        assertThat(event.getThrowableProxy()).isNull();
      });
    }
  }

  private static Answer answer(Supplier<ResponseEntity<String>> request) {
    try (LogCapture capture = LogCapture.start()) {
      ResponseEntity<String> response = request.get();
      List<ILoggingEvent> requestLog = capture.events().stream()
          .filter(event -> event.getThreadName().startsWith("http-")).toList();
      return new Answer(response.getStatusCode().value(), String.valueOf(response.getBody()), requestLog);
    }
  }

  private static org.springframework.http.HttpEntity<String> json(String body) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new org.springframework.http.HttpEntity<>(body, headers);
  }

  private ResponseEntity<String> withdraw(ProcessInstance proposal) {
    return rest.withBasicAuth("paul", "demo").postForEntity("/api/proposals/" + proposal.getBusinessKey()
        + "/withdrawal", Map.of("reason", "Priorities changed"), String.class);
  }

  private ProcessInstance submit(String proposer, Map<String, Object> variables) {
    return ActingUser.as(identityService, proposer,
        () -> runtimeService.startProcessInstanceByKey("ml-proposal", variables));
  }

  private List<Task> podReviews(ProcessInstance proposal) {
    return taskService.createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey("reviewProposal").list();
  }

  private Task podReview(ProcessInstance proposal, String group) {
    return taskService.createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey("reviewProposal")
        .taskCandidateGroup(group).singleResult();
  }

  private Task task(ProcessInstance proposal, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private static String title(String text) {
    return text + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
