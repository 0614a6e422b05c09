package org.mlcouncil.journey;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per journey class on the app's random port: a screenshot when a
 * journey fails, and a full logout after each, so no session of one user leaks into the next.
 * Also the steps every journey through the council shares: finding what a form started, and
 * the chair opening and closing the ML Review.
 */
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserJourney {

  static Tasklist tasklist;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    tasklist = new Tasklist("http://localhost:" + port);
  }

  @AfterAll
  static void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent()) {
      tasklist.screenshot("failed-" + context.getRequiredTestMethod().getName());
    }
  };

  @AfterEach
  void logout() {
    tasklist.logout();
  }

  /** The instance a start form just started, found by a value the user typed. */
  ProcessInstance started(String processKey, String variable, String value) {
    return await().until(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .variableValueEquals(variable, value).singleResult(), found -> found != null);
  }

  ProcessInstance councilReviewOf(ProcessInstance item) {
    return await().until(() -> runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(item.getId()).singleResult(), found -> found != null);
  }

  /**
   * Once the council has voted on the given reviews, the chair opens the ML Review as the README
   * says, logs in and takes up "Run ML Review". Returns the meeting's id.
   */
  String chairOpensMlReview(List<ProcessInstance> reviews) {
    // The last vote's continuation is a job: on a loaded machine it may take longer than Awaitility's default.
    await().atMost(Duration.ofSeconds(30)).until(() -> reviews.stream().allMatch(review -> runtimeService.createExecutionQuery()
        .processInstanceId(review.getId()).activityId("awaitMlReview").count() == 1));
    rest.withBasicAuth("clara", "demo").postForEntity("/engine-rest/message",
        Map.of("messageName", "MlReviewRequested"), String.class);
    String meetingId = runtimeService.createProcessInstanceQuery().processDefinitionKey("ml-review-meeting")
        .singleResult().getBusinessKey();
    tasklist.loginAs("clara");
    tasklist.openFilter("Chair decisions");
    tasklist.openTask("Run ML Review");
    tasklist.claim();
    return meetingId;
  }

  void chairClosesMlReview() {
    chairClosesMlReview(null);
  }

  /** The chair closes the ML Review, with notes for the archive and the notes mail when given. */
  void chairClosesMlReview(String notes) {
    tasklist.openTask("Close ML Review");
    tasklist.claim();
    if (notes != null) {
      tasklist.fillField("Notes", notes);
    }
    tasklist.complete();
  }
}
