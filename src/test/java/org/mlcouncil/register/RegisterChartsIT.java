package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The charts' figures as the engine makes them: two proposals, one taken to the council's approval
 * and one left waiting in its pod review since long ago. The database is shared with the other
 * tests, so the figures are checked as what these two proposals add.
 */
@IntegrationTest
class RegisterChartsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LONG_AGO = Duration.ofDays(40);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  private ProcessInstance waiting;

  @AfterEach
  void cleanUp() {
    TestClock.resume();
    // Its overdue reminders fire during the test; once their mails are out, the waiting proposal is
    // cancelled so that it reminds nobody in a later test.
    AsyncWork.awaitDone(managementService);
    if (waiting != null && runtimeService.createProcessInstanceQuery().processInstanceId(waiting.getId()).count() > 0) {
      runtimeService.deleteProcessInstance(waiting.getId(), "charts test done");
    }
    AsyncWork.awaitDone(managementService);
  }

  @Test
  void theChartsCountWhatTheEngineDidAndThePageEscapesTitles() {
    RegisterProposals proposals = new RegisterProposals(runtimeService, taskService, identityService,
        managementService);
    JsonNode before = charts();

    Instant longAgo = ClockUtil.getCurrentTime().toInstant().minus(LONG_AGO);
    TestClock.at(longAgo);
    String marker = UUID.randomUUID().toString().substring(0, 8);
    waiting = proposals.submit("paul", "<script>alert('" + marker + "')</script> waits");
    await().until(() -> stage(waiting.getBusinessKey()), "Review proposal"::equals);
    TestClock.resume();

    ProcessInstance approved = proposals.submit("paul", "Charts approved " + marker);
    proposals.podsApprove(approved);
    new CouncilItems(runtimeService, taskService, identityService, managementService).decide(approved, "approve");
    await().until(() -> "approved".equals(api("priya", "/api/register/items/" + approved.getBusinessKey())
        .at("/row/item/decision").asText()));

    JsonNode after = charts();
    assertThat(after.at("/funnel/submitted").asLong() - before.at("/funnel/submitted").asLong()).isEqualTo(2);
    assertThat(after.at("/funnel/screened").asLong() - before.at("/funnel/screened").asLong()).isEqualTo(2);
    assertThat(after.at("/funnel/podApproved").asLong() - before.at("/funnel/podApproved").asLong()).isEqualTo(1);
    assertThat(after.at("/funnel/councilApproved").asLong() - before.at("/funnel/councilApproved").asLong())
        .isEqualTo(1);
    assertThat(decided(after, "approved") - decided(before, "approved")).isEqualTo(1);

    String thatMonth = LocalDate.ofInstant(longAgo, ZoneId.systemDefault()).toString().substring(0, 7);
    String thisMonth = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()).toString()
        .substring(0, 7);
    assertThat(times(after, thatMonth, "Screen proposal") - times(before, thatMonth, "Screen proposal")).isEqualTo(1);
    assertThat(times(after, thisMonth, "Review proposal") - times(before, thisMonth, "Review proposal"))
        .as("one per pod lead").isEqualTo(4);
    assertThat(times(after, thisMonth, "Review by ML Council") - times(before, thisMonth, "Review by ML Council"))
        .isEqualTo(1);
    for (JsonNode lead : after.get("leadTimes")) {
      assertThat(lead.get("p90Hours").asDouble()).as(lead.toString())
          .isGreaterThanOrEqualTo(lead.get("medianHours").asDouble()).isGreaterThanOrEqualTo(0);
    }

    JsonNode oldest = StreamSupport.stream(after.get("waiting").spliterator(), false)
        .filter(item -> item.get("key").asText().equals(waiting.getBusinessKey())).findFirst().orElseThrow();
    assertThat(oldest.get("stage").asText()).isEqualTo("Review proposal");
    assertThat(oldest.get("daysInStage").asLong()).isBetween(LONG_AGO.toDays(), LONG_AGO.toDays() + 1);
    assertThat(after.get("waiting").size()).isLessThanOrEqualTo(10);

    String html = RegisterSession.login(rest, "ivan").get("/register/charts").getBody();
    assertThat(html).contains("<svg", "<title>Proposals: submitted, screened, pod-approved, council-approved</title>",
            "href=\"/register/items/" + waiting.getBusinessKey() + "\"", "&lt;script&gt;alert(&#39;" + marker)
        .doesNotContain("<script>alert");
    assertThat(RegisterSession.login(rest, "ivan").get("/register").getBody()).contains("href=\"/register/charts\"");
  }

  @Test
  void theChartsAreForTheRegistersReadersOnly() {
    assertThat(rest.getForEntity("/api/register/charts", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> anonymousPage = RegisterSession.anonymous(rest).get("/register/charts");
    assertThat(anonymousPage.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymousPage.getHeaders().getLocation().toString()).endsWith("/register/login?next=%2Fregister%2Fcharts");
  }

  private JsonNode charts() {
    return api("priya", "/api/register/charts");
  }

  private String stage(String key) {
    ResponseEntity<String> item = rest.withBasicAuth("priya", "demo").getForEntity("/api/register/items/" + key,
        String.class);
    return item.getStatusCode() == HttpStatus.OK ? read(item.getBody()).at("/row/item/stage").asText() : null;
  }

  private static long decided(JsonNode charts, String decision) {
    return StreamSupport.stream(charts.get("decisions").spliterator(), false)
        .filter(row -> row.get("kind").asText().equals("proposal") && row.get("pod").asText().equals("search")
            && row.get("decision").asText().equals(decision))
        .mapToLong(row -> row.get("count").asLong()).sum();
  }

  private static long times(JsonNode charts, String month, String stage) {
    return StreamSupport.stream(charts.get("leadTimes").spliterator(), false)
        .filter(row -> row.get("month").asText().equals(month) && row.get("stage").asText().equals(stage))
        .mapToLong(row -> row.get("count").asLong()).sum();
  }

  private JsonNode api(String user, String path) {
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return read(response.getBody());
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
