package org.mlcouncil.jobdescription;

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

/** Every path of {@code job-description-review}, on PostgreSQL with real mail. */
@IntegrationTest
class JobDescriptionReviewIT {

  static final String PROCESS = "job-description-review";
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
  void healthyJobDescriptionIsApprovedAndTheDecisionReachesEveryoneInterested() {
    String title = title("Senior ML engineer, search ranking");
    ProcessInstance job = submit("paul", JobDescriptionData.valid(title));

    assertThat(job.getBusinessKey()).matches("JD-\\d{4}-\\d{4}");
    MimeMessage receipt = Mailbox.awaitOne("paul@mlcouncil.example", "Your job description was received: " + title);
    assertThat(Mailbox.text(receipt)).contains(job.getBusinessKey());
    awaitWaitingAt(job, "reviewByCouncil");
    assertThat(job).hasPassed("checkJobDescription").hasNotPassed("amendJobDescription");
    ProcessInstance review = council.reviewOf(job);
    assertThat(review.getBusinessKey()).isEqualTo(job.getBusinessKey());
    assertThat(runtimeService.getVariable(review.getId(), "itemKind")).isEqualTo("job description");
    assertThat(runtimeService.getVariable(review.getId(), "itemSummary").toString())
        .contains("Hiring manager: paul").contains("Track: ML engineer").contains("Level: senior");
    assertThat(runtimeService.getVariable(review.getId(), "findingsSummary").toString()).contains("INFO JD_LENGTH_OK");

    council.decide(job, "approve");

    await().untilAsserted(() -> assertThat(job).isEnded().hasPassed("jobDescriptionApproved"));
    for (String reader : List.of("paul@mlcouncil.example", "priya@mlcouncil.example", "recruiter@example.org",
        "marcus@mlcouncil.example", "clara@mlcouncil.example")) {
      MimeMessage decision = Mailbox.awaitOne(reader, "ML Council decision on " + title);
      assertThat(Mailbox.text(decision))
          .startsWith("The ML Council approved " + title + " (" + job.getBusinessKey() + "), submitted by paul.")
          .contains("Decision: approved").contains("Unanimous vote of 4 council members");
    }
  }

  @Test
  void tooShortADescriptionComesBackAndTheAmendmentIsCheckedAgain() {
    String title = title("Data scientist, pricing");
    Map<String, Object> variables = JobDescriptionData.valid(title);
    variables.put("description", "Data scientist for pricing. Python, SQL.");
    ProcessInstance job = submit("paul", variables);

    awaitWaitingAt(job, "amendJobDescription");
    Task amend = task(job, "amendJobDescription");
    assertThat(amend).isAssignedTo("paul");
    assertThat(taskService.getVariable(amend.getId(), "amendmentReasons").toString())
        .contains("JD_TOO_SHORT").contains("at least 200");
    MimeMessage request = Mailbox.awaitOne("paul@mlcouncil.example", "Please amend your job description: " + title);
    assertThat(Mailbox.text(request)).contains("BLOCKER JD_TOO_SHORT").contains("Amend job description");

    assertThatThrownBy(() -> ActingUser.as(identityService, "paul",
        () -> taskService.complete(amend.getId(), Map.of("track", "astronaut"))))
        .hasMessageContaining("track: must be one of ml-engineer, data-scientist, ml-infrastructure");
    assertThat(task(job, "amendJobDescription")).as("a refused amendment leaves the task open").isNotNull();

    ActingUser.as(identityService, "paul", () -> taskService.complete(amend.getId(),
        Map.of("description", "https://careers.example.com/jobs/pricing-data-scientist")));

    awaitWaitingAt(job, "reviewByCouncil");
    assertThat(runtimeService.getVariable(council.reviewOf(job).getId(), "findingsSummary").toString())
        .contains("INFO JD_LINKED").doesNotContain("BLOCKER");
  }

  @Test
  void councilRequestsChangesAndTheAmendedDescriptionGoesBackToTheCouncil() {
    String title = title("Staff ML infrastructure engineer");
    ProcessInstance job = submit("paul", JobDescriptionData.valid(title));
    awaitWaitingAt(job, "reviewByCouncil");

    council.decide(job, "request-changes");

    awaitWaitingAt(job, "amendJobDescription");
    Task amend = task(job, "amendJobDescription");
    assertThat(taskService.getVariable(amend.getId(), "amendmentReasons").toString())
        .contains("ML Council").contains("marcus: changes requested – marcus says request-changes");
    MimeMessage decision = Mailbox.awaitOne("marcus@mlcouncil.example", "ML Council decision on " + title);
    assertThat(Mailbox.text(decision)).contains("Decision: changes requested");
    // One mail to the hiring manager per change request: the amendment task's, with the council's reasons.
    MimeMessage request = Mailbox.awaitOne("paul@mlcouncil.example", "Please amend your job description: " + title);
    assertThat(Mailbox.text(request)).contains("marcus: changes requested – marcus says request-changes")
        .contains("#/?task=" + amend.getId());
    assertThat(Mailbox.messages("paul@mlcouncil.example", job.getBusinessKey())).as("receipt and amendment").hasSize(2)
        .extracting(Mailbox::subject).noneMatch(subject -> subject.contains("ML Council decision"));
    ActingUser.as(identityService, "paul", () -> taskService.complete(amend.getId(),
        Map.of("level", "staff", "track", "ml-infrastructure")));

    awaitWaitingAt(job, "reviewByCouncil");
    assertThat(runtimeService.getVariable(council.reviewOf(job).getId(), "itemSummary").toString())
        .contains("Track: ML infrastructure engineer").contains("Level: staff");
    council.decide(job, "approve");
    await().untilAsserted(() -> assertThat(job).isEnded().hasPassed("jobDescriptionApproved"));
    assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(job.getId()).count())
        .as("two council reviews").isEqualTo(2);
  }

  @Test
  void rejectionEndsItAndRecommendingToBuyAJobDescriptionCountsAsRejection() {
    String rejectedTitle = title("<i>Principal</i> & co");
    ProcessInstance rejected = submit("paul", JobDescriptionData.valid(rejectedTitle));
    String buyTitle = title("Junior ML engineer");
    ProcessInstance buy = submit("paul", JobDescriptionData.valid(buyTitle));
    awaitWaitingAt(rejected, "reviewByCouncil");
    awaitWaitingAt(buy, "reviewByCouncil");

    council.decide(rejected, "reject");
    council.decide(buy, "recommend-buying");

    await().untilAsserted(() -> assertThat(rejected).isEnded().hasPassed("jobDescriptionRejected"));
    await().untilAsserted(() -> assertThat(buy).isEnded().hasPassed("jobDescriptionRejected"));
    MimeMessage rejection = Mailbox.awaitOne("paul@mlcouncil.example", "ML Council decision on " + rejectedTitle);
    assertThat(Mailbox.html(rejection)).contains("&lt;i&gt;Principal&lt;/i&gt; &amp; co").doesNotContain("<i>Principal")
        .contains("nina: rejected – nina says reject");
    MimeMessage buyDecision = Mailbox.awaitOne("paul@mlcouncil.example", "ML Council decision on " + buyTitle);
    assertThat(Mailbox.subject(buyDecision)).endsWith(": rejected");
    assertThat(Mailbox.text(buyDecision)).contains("Decision: rejected").contains("recommend buying");
  }

  @Test
  void textsAsLongAsAStringVariableHoldsReachTheCouncilAndOneCharacterMoreIsRefused() {
    Map<String, Object> variables = new HashMap<>(JobDescriptionData.valid(
        LongText.of(title("Longest texts"), JobDescriptionValidator.MAX_TITLE)));
    variables.put("description", LongText.of("Description", JobDescriptionValidator.MAX_DESCRIPTION));
    variables.put("hiringProcess", LongText.of("Hiring", JobDescriptionValidator.MAX_TEXT));

    ResponseEntity<String> started = EngineRest.start(rest, "paul", PROCESS, variables);

    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    ProcessInstance job = runtimeService.createProcessInstanceQuery().processInstanceId(EngineRest.id(started))
        .singleResult();
    coverage.track(job);
    awaitWaitingAt(job, "reviewByCouncil");
    ProcessInstance review = council.reviewOf(job);
    assertThat(runtimeService.getVariable(review.getId(), "itemSummary").toString())
        .hasSizeLessThanOrEqualTo(TextLimits.SUMMARY)
        .contains("Job description: Description qualité", "[…]", "Hiring process: Hiring qualité");
    assertThat(runtimeService.getVariable(review.getId(), "findingsSummary").toString()).contains("JD_VERY_LONG");
    assertThat(runtimeService.getVariable(job.getId(), "description")).isEqualTo(variables.get("description"));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getId()).count()).isZero();

    assertRefused("description", LongText.of("Description", 4001),
        "description: must be at most 4000 characters (got 4001)");
    assertRefused("hiringProcess", LongText.of("Hiring", 4001),
        "hiringProcess: must be at most 4000 characters (got 4001)");
    assertRefused("interestedPeople", "priya, bad)addr@evil.example",
        "interestedPeople: 'bad)addr@evil.example' is neither a known user nor a valid e-mail address");
  }

  @Test
  void restStartWithBadValuesIsRefusedNamingTheFieldAndLeavesNoInstance() {
    assertThat(EngineRest.startableInTasklist(rest, "paul")).as("every practitioner may start it").contains(PROCESS);
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();

    assertRefused("track", "astronaut", "track: must be one of ml-engineer, data-scientist, ml-infrastructure");
    assertRefused("pod", "moon", "pod: must be one of search, dispatch, marketing, forecasting, fraud (got 'moon')");
    assertRefused("description", "http://careers.example.com/jobs/1", "description: a link must be a complete https://");
    assertRefused("roleTitle", "x".repeat(100_000), "roleTitle: must be at most 200 characters (got 100000)");
    assertRefused("hiringProcess", " ", "hiringProcess: is required");
    assertRefused("interestedPeople", "nobody", "interestedPeople: 'nobody' is neither a known user");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .as("no instance, not even a half-made one").isEqualTo(before);
  }

  private void assertRefused(String field, Object value, String message) {
    Map<String, Object> variables = new HashMap<>(JobDescriptionData.valid(title("REST")));
    variables.put(field, value);
    ResponseEntity<String> response = EngineRest.start(rest, "paul", PROCESS, variables);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains(message).doesNotContain("at org.");
  }

  private ProcessInstance submit(String hiringManager, Map<String, Object> variables) {
    ProcessInstance instance = ActingUser.as(identityService, hiringManager,
        () -> runtimeService.startProcessInstanceByKey(PROCESS, variables));
    coverage.track(instance);
    return instance;
  }

  private Task task(ProcessInstance job, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(job.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private static void awaitWaitingAt(ProcessInstance job, String activity) {
    await().untilAsserted(() -> assertThat(job).isWaitingAt(activity));
  }

  private static String title(String text) {
    return text + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
