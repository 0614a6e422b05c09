package org.mlcouncil.technology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.jobdescription.JobDescriptionData;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.FlowNodeCoverage;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.LongText;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of {@code technology-decision}, and its place on the ML Review's agenda, on PostgreSQL with real mail. */
@IntegrationTest
class TechnologyDecisionIT {

  static final String PROCESS = "technology-decision";
  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of(PROCESS);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TestRestTemplate rest;
  CouncilItems council;

  @BeforeEach
  void setUp() {
    council = new CouncilItems(runtimeService, taskService, identityService, managementService);
  }

  @Test
  void cheapestRecommendationIsApprovedAndTheDecisionReachesSubmitterCouncilAndMlInfra() {
    String component = component("Feature store");
    ProcessInstance decision = submit("priya", TechnologyDecisionData.valid(component));

    assertThat(decision.getBusinessKey()).matches("TD-\\d{4}-\\d{4}");
    String title = component + " – adopt open source (Adopt Feast)";
    MimeMessage receipt = Mailbox.awaitOne("priya@mlcouncil.example", "Your technology decision was received: " + title);
    assertThat(Mailbox.text(receipt)).contains(decision.getBusinessKey());
    awaitWaitingAt(decision, "reviewByCouncil");
    ProcessInstance review = council.reviewOf(decision);
    assertThat(runtimeService.getVariable(review.getId(), "itemKind")).isEqualTo("technology decision");
    assertThat(runtimeService.getVariable(review.getId(), "itemSummary").toString())
        .contains("1. Adopt Feast: 80,000; 2. Buy Tecton: 150,000; 3. Build on Postgres: 260,000")
        .contains("Recommendation: adopt open source, option 1 (Adopt Feast)");
    assertThat(runtimeService.getVariable(review.getId(), "findingsSummary").toString())
        .isEqualTo("- INFO TD_RECOMMENDED_IS_CHEAPEST: The recommended option 'Adopt Feast' is the cheapest of the 3 "
            + "options considered, at 80,000 per year.");

    council.decide(decision, "approve");

    await().untilAsserted(() -> assertThat(decision).isEnded().hasPassed("technologyDecisionApproved"));
    for (String reader : List.of("priya@mlcouncil.example", "ivan@mlcouncil.example", "ines@mlcouncil.example",
        "marcus@mlcouncil.example")) {
      MimeMessage mail = Mailbox.awaitOne(reader, "ML Council decision on " + title);
      assertThat(Mailbox.text(mail))
          .startsWith("The ML Council approved " + title + " (" + decision.getBusinessKey() + "), submitted by priya.")
          .contains("Decision: approved");
    }
    assertThat(Mailbox.messages("paul@mlcouncil.example", "ML Council decision on " + title))
        .as("neither submitter, council nor ml-infra").isEmpty();
  }

  @Test
  void dearerRecommendationIsFlaggedAndTheCouncilsRequestedChangesGoBackToTheSubmitter() {
    String component = component("Model monitoring");
    Map<String, Object> variables = TechnologyDecisionData.valid(component);
    variables.put("recommendation", "buy");
    variables.put("recommendedOption", "2");
    ProcessInstance decision = submit("priya", variables);
    awaitWaitingAt(decision, "reviewByCouncil");
    assertThat(runtimeService.getVariable(council.reviewOf(decision).getId(), "findingsSummary").toString())
        .contains("WARNING TD_RECOMMENDED_NOT_CHEAPEST: The recommended option 'Buy Tecton' costs 150,000 per year, "
            + "but 'Adopt Feast' is the cheapest at 80,000 per year: 70,000 more per year.");

    council.decide(decision, "request-changes");

    awaitWaitingAt(decision, "amendTechnologyDecision");
    Task amend = task(decision, "amendTechnologyDecision");
    assertThat(amend).isAssignedTo("priya");
    assertThat(taskService.getVariable(amend.getId(), "amendmentReasons").toString())
        .contains("ML Council").contains("ines: changes requested – ines says request-changes");
    MimeMessage request = Mailbox.awaitOne("priya@mlcouncil.example", "Please amend your technology decision: " + component);
    assertThat(Mailbox.text(request)).contains("ines says request-changes");
    assertThatThrownBy(() -> ActingUser.as(identityService, "priya", () -> taskService.complete(amend.getId(),
        Map.of("recommendedOption", "3", "option3Name", ""))))
        .hasMessageContaining("recommendedOption: option 3 is empty");

    ActingUser.as(identityService, "priya", () -> taskService.complete(amend.getId(),
        Map.of("recommendation", "adopt-open-source", "recommendedOption", "1")));

    awaitWaitingAt(decision, "reviewByCouncil");
    assertThat(decision).hasPassed("assessTechnologyDecision");
    assertThat(runtimeService.getVariable(council.reviewOf(decision).getId(), "findingsSummary").toString())
        .contains("INFO TD_RECOMMENDED_IS_CHEAPEST").doesNotContain("WARNING");
    council.decide(decision, "approve");
    await().untilAsserted(() -> assertThat(decision).isEnded().hasPassed("technologyDecisionApproved"));
  }

  @Test
  void councilRejectsOrRecommendsBuyingInstead() {
    ProcessInstance rejected = submit("paul", TechnologyDecisionData.valid(component("Training pipelines")));
    String buyComponent = component("Experimentation platform");
    ProcessInstance buy = submit("paul", TechnologyDecisionData.valid(buyComponent));
    awaitWaitingAt(rejected, "reviewByCouncil");
    awaitWaitingAt(buy, "reviewByCouncil");

    council.decide(rejected, "reject");
    council.decide(buy, "recommend-buying");

    await().untilAsserted(() -> assertThat(rejected).isEnded().hasPassed("technologyDecisionRejected"));
    await().untilAsserted(() -> assertThat(buy).isEnded().hasPassed("buyingRecommended"));
    MimeMessage mail = Mailbox.awaitOne("ivan@mlcouncil.example", "ML Council decision on " + buyComponent);
    assertThat(Mailbox.text(mail)).contains("The ML Council recommends buying rather than building")
        .contains("Decision: recommend buying").contains("clara: recommend buying");
  }

  @Test
  void textsAsLongAsAStringVariableHoldsReachTheCouncil() {
    String component = LongText.of(component("Longest texts"), TechnologyDecisionValidator.MAX_NAME);
    Map<String, Object> variables = new HashMap<>(TechnologyDecisionData.valid(component));
    variables.put("problem", LongText.of("Problem", TechnologyDecisionValidator.MAX_TEXT));
    variables.put("risks", LongText.of("Risks", TechnologyDecisionValidator.MAX_TEXT));
    variables.put("option1Name", LongText.of("Adopt Feast", TechnologyDecisionValidator.MAX_NAME));

    ResponseEntity<String> started = EngineRest.start(rest, "paul", PROCESS, variables);

    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    ProcessInstance decision = runtimeService.createProcessInstanceQuery().processInstanceId(EngineRest.id(started))
        .singleResult();
    coverage.track(decision);
    awaitWaitingAt(decision, "reviewByCouncil");
    ProcessInstance review = council.reviewOf(decision);
    assertThat(runtimeService.getVariable(review.getId(), "itemSummary").toString())
        .hasSizeLessThanOrEqualTo(TextLimits.SUMMARY)
        .contains("Problem: Problem qualité", "[…]", "Risks: Risks qualité", "2. Buy Tecton: 150,000");
    assertThat(runtimeService.getVariable(decision.getId(), "risks")).isEqualTo(variables.get("risks"));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(decision.getId()).count()).isZero();
  }

  @Test
  void restStartWithBadValuesIsRefusedNamingTheFieldAndLeavesNoInstance() {
    assertThat(EngineRest.startableInTasklist(rest, "paul")).as("every practitioner may start it").contains(PROCESS);
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();

    assertRefused(Map.of("option2YearlyCost", -5), "option2YearlyCost: must not be negative");
    assertRefused(Map.of("option1YearlyCost", "a lot"), "option1YearlyCost: must be a number (got 'a lot')");
    assertRefused(Map.of("option2Name", ""), "option2Name: is required");
    assertRefused(Map.of("recommendation", "lease"), "recommendation: must be one of build, buy, adopt-open-source");
    Map<String, Object> noThirdOption = new HashMap<>(Map.of("recommendedOption", "3"));
    noThirdOption.put("option3Name", null);
    noThirdOption.put("option3YearlyCost", null);
    assertRefused(noThirdOption, "recommendedOption: option 3 is empty");
    assertRefused(Map.of("option3Name", " ", "option3YearlyCost", 5), "option3Name: is required when option 3 has a yearly cost");
    assertRefused(Map.of("risks", "x".repeat(4001)), "risks: must be at most 4000 characters (got 4001)");
    assertRefused(Map.of("problem", LongText.of("Problem", 4001)), "problem: must be at most 4000 characters (got 4001)");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .as("no instance, not even a half-made one").isEqualTo(before);
  }

  @Test
  void pendingJobDescriptionAndTechnologyDecisionAreOnTheMlReviewAgendaBesideAProposal() {
    String component = component("Vector search");
    ProcessInstance decision = submit("priya", TechnologyDecisionData.valid(component));
    String role = "ML engineer, retrieval " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance job = ActingUser.as(identityService, "paul",
        () -> runtimeService.startProcessInstanceByKey("job-description-review", JobDescriptionData.valid(role)));
    ProcessInstance proposal = council.request("proposal", "paul", "priya", "watcher@example.org");
    awaitWaitingAt(decision, "reviewByCouncil");
    awaitWaitingAt(job, "reviewByCouncil");

    ProcessInstance meeting = ActingUser.as(identityService, "clara",
        () -> runtimeService.startProcessInstanceByMessage("MlReviewRequested"));
    try {
      await().untilAsserted(() -> assertThat(meeting).isWaitingAt("runMlReview"));
      assertThat(runtimeService.getVariable(meeting.getId(), "agendaSummary").toString())
          .contains(decision.getBusinessKey() + " (technology decision) " + component)
          .contains(job.getBusinessKey() + " (job description) " + role)
          .contains(proposal.getBusinessKey() + " (proposal)");
    } finally {
      // Only this test's own instances: the meeting would otherwise decide other classes' items.
      List.of(meeting, job, proposal).forEach(instance ->
          runtimeService.deleteProcessInstance(instance.getId(), "agenda shown"));
    }
  }

  private void assertRefused(Map<String, Object> override, String message) {
    Map<String, Object> variables = new HashMap<>(TechnologyDecisionData.valid(component("REST")));
    variables.putAll(override);
    ResponseEntity<String> response = EngineRest.start(rest, "paul", PROCESS, variables);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains(message).doesNotContain("at org.");
  }

  private ProcessInstance submit(String submitter, Map<String, Object> variables) {
    ProcessInstance instance = ActingUser.as(identityService, submitter,
        () -> runtimeService.startProcessInstanceByKey(PROCESS, variables));
    coverage.track(instance);
    return instance;
  }

  private Task task(ProcessInstance decision, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(decision.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private static void awaitWaitingAt(ProcessInstance decision, String activity) {
    await().untilAsserted(() -> assertThat(decision).isWaitingAt(activity));
  }

  private static String component(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
