package org.mlcouncil.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.review.PodReview;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The fault suite: every pod lead of an item, then every council member, completes their
 * task over the REST API at the same instant, item after item. Nobody may see an error because
 * someone else clicked, and every review and vote must count. The votes open on Thursday 14:00,
 * an hour before the ML Review: too late for a reminder before it, and none goes out with the
 * vote's announcement.
 */
@IntegrationTest
class SimultaneousClicksIT {

  /** Items driven through simultaneous reviews and votes; the fault suite asks for at least 50. */
  static final int ITEMS = 50;

  private static final TypeReference<List<PodReview>> REVIEWS = new TypeReference<>() {
  };
  private static final Map<String, String> SEARCH_LEADS = Map.of(
      "pod-search-pm", "sarah", "pod-search-em", "sam",
      "pod-search-ds-manager", "sofia", "pod-search-analytics-manager", "simon");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JsonVariables json;
  @Autowired CouncilTally councilTally;
  @Autowired TestRestTemplate rest;

  private final ExecutorService clicks = Executors.newFixedThreadPool(4);
  private final List<String> refused = new ArrayList<>();
  private final List<ProcessInstance> proposals = new ArrayList<>();

  @BeforeEach
  void thursdayAnHourBeforeTheMlReview() {
    TestClock.at(LocalDateTime.parse("2026-11-26T14:00").atZone(ZoneId.systemDefault()).toInstant());
  }

  @AfterEach
  void cleanUp() {
    clicks.shutdownNow();
    AsyncWork.awaitDone(managementService);
    proposals.forEach(proposal -> runtimeService.deleteProcessInstanceIfExists(proposal.getId(), "simultaneous clicks done",
        false, true, false, false));
    TestClock.resume();
  }

  @Test
  void allReviewsAndAllVotesOfAnItemAtTheSameInstantShowNoErrorAndLoseNothing() throws Exception {
    int reviewErrors = 0;
    int voteErrors = 0;
    for (int round = 0; round < ITEMS; round++) {
      ProcessInstance proposal = submit();
      List<Task> reviews = awaitTasks(proposal.getId(), "reviewProposal", SEARCH_LEADS.size());
      reviews.forEach(task -> claim(task, leadOf(task)));
      reviewErrors += simultaneously(reviews, task -> EngineRest.complete(rest, leadOf(task), task.getId(),
          Map.of("decision", "approve", "businessProblemScore", "4", "prioritisationScore", "3", "impactCostScore", "4")));

      ProcessInstance councilReview = awaitCouncilReview(proposal);
      List<Task> votes = awaitTasks(councilReview.getId(), "voteOnItem", CouncilItems.COUNCIL.size());
      voteErrors += simultaneously(votes, task -> EngineRest.complete(rest, task.getAssignee(), task.getId(),
          Map.of("vote", "approve")));

      await().until(() -> isWaitingForTheMeeting(councilReview));
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(councilReview.getId())
          .activityId("meetingApproaching").count()).as("no reminder as the votes opened").isZero();
      List<PodReview> recordedReviews = json.convert(runtimeService.getVariable(proposal.getId(), "podReviews"),
          REVIEWS, List.of());
      assertThat(recordedReviews).extracting(PodReview::reviewer)
          .containsExactlyInAnyOrderElementsOf(SEARCH_LEADS.values());
      assertThat(runtimeService.getVariable(proposal.getId(), "podDecision")).isEqualTo("approved");
      assertThat(councilTally.of(runtimeService.getVariables(councilReview.getId()))).extracting(CouncilVote::voter)
          .containsExactlyInAnyOrderElementsOf(CouncilItems.COUNCIL);
    }
    assertThat(refused).as("answers other than 2xx: %d of %d reviews, %d of %d votes", reviewErrors,
        ITEMS * SEARCH_LEADS.size(), voteErrors, ITEMS * CouncilItems.COUNCIL.size()).isEmpty();
  }

  private ProcessInstance submit() {
    Map<String, Object> proposal = ProposalData.valid("Simultaneous " + UUID.randomUUID().toString().substring(0, 8));
    ProcessInstance instance = ActingUser.as(identityService, "paul",
        () -> runtimeService.startProcessInstanceByKey("ml-proposal", proposal));
    proposals.add(instance);
    return instance;
  }

  /**
   * Fires one click per task from its own thread, all released at once; a refused click is
   * clicked again, as the user would. Returns how many clicks were refused.
   */
  private int simultaneously(List<Task> tasks, Function<Task, ResponseEntity<String>> click) throws Exception {
    CyclicBarrier start = new CyclicBarrier(tasks.size());
    List<Future<List<String>>> answers = new ArrayList<>();
    for (Task task : tasks) {
      answers.add(clicks.submit(() -> {
        start.await();
        List<String> refusals = new ArrayList<>();
        for (ResponseEntity<String> response = click.apply(task); !response.getStatusCode().is2xxSuccessful()
            && refusals.size() < 5; response = click.apply(task)) {
          refusals.add(response.getStatusCode() + " " + response.getBody());
        }
        return refusals;
      }));
    }
    int errors = 0;
    for (Future<List<String>> answer : answers) {
      List<String> refusals = answer.get();
      errors += refusals.size();
      refused.addAll(refusals);
    }
    return errors;
  }

  private void claim(Task task, String user) {
    ResponseEntity<String> claimed = rest.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user), String.class);
    assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim by %s: %s", user, claimed.getBody()).isTrue();
  }

  private String leadOf(Task task) {
    return SEARCH_LEADS.entrySet().stream()
        .filter(lead -> taskService.getIdentityLinksForTask(task.getId()).stream()
            .anyMatch(link -> lead.getKey().equals(link.getGroupId())))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
  }

  /** Looks often, so the clicks come the moment the tasks open, as the "meeting approaching" timer does. */
  private List<Task> awaitTasks(String processInstanceId, String taskKey, int count) {
    return await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
        .until(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
            .list(), tasks -> tasks.size() == count);
  }

  private ProcessInstance awaitCouncilReview(ProcessInstance proposal) {
    return await().atMost(Duration.ofMinutes(1)).until(() -> runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(proposal.getId()).singleResult(), review -> review != null);
  }

  private boolean isWaitingForTheMeeting(ProcessInstance councilReview) {
    return runtimeService.createExecutionQuery().processInstanceId(councilReview.getId())
        .activityId("awaitMlReview").count() == 1;
  }
}
