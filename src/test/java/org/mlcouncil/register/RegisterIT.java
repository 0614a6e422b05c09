package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The register on PostgreSQL, through its JSON API and its pages, as the people of the demo
 * organisation and as people it must keep out.
 */
@IntegrationTest
class RegisterIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired RegisterBackfill backfill;

  private final List<String> createdUsers = new java.util.ArrayList<>();

  @AfterEach
  void cleanUp() {
    createdUsers.forEach(identityService::deleteUser);
    AsyncWork.awaitDone(managementService);
  }

  @Test
  void aProposalIsListedAtEveryStageUpToItsDecisionWithItsTimelineAndMeeting() {
    String title = "Register lifecycle " + UUID.randomUUID();
    ProcessInstance proposal = submit("paul", title);
    String key = proposal.getBusinessKey();

    JsonNode listed = await().until(() -> onlyItem("priya", "q=" + title.toUpperCase()),
        item -> item != null && "Review proposal".equals(item.get("stage").asText()));
    assertThat(listed.get("key").asText()).isEqualTo(key);
    assertThat(listed.get("kind").asText()).isEqualTo("proposal");
    assertThat(listed.get("pod").asText()).isEqualTo("search");
    assertThat(listed.get("proposer").asText()).isEqualTo("paul");
    assertThat(listed.get("technicalLead").asText()).isEqualTo("paul");
    assertThat(texts(listed.get("waitingFor"))).containsExactlyInAnyOrder("the search pod's product manager",
        "the search pod's engineering manager", "the search pod's data science manager",
        "the search pod's analytics manager");

    JsonNode mine = api("paul", "/api/register/my-items");
    JsonNode myRow = row(mine, key);
    assertThat(myRow.get("status").asText()).startsWith("Review proposal: waiting for the search pod's")
        .endsWith("since under an hour");

    proposals().podsApprove(proposal);
    JsonNode voting = await().until(() -> onlyItem("ivan", "q=" + title),
        item -> "Vote on agenda item".equals(item.get("stage").asText()));
    assertThat(texts(voting.get("waitingFor"))).containsExactlyInAnyOrderElementsOf(CouncilItems.COUNCIL);

    new CouncilItems(runtimeService, taskService, identityService, managementService).decide(proposal, "approve");
    JsonNode decided = await().until(() -> onlyItem("ivan", "q=" + title + "&decision=approved"),
        item -> item != null);
    assertThat(decided.get("stage").asText()).isEqualTo("Closed");
    assertThat(decided.get("meetingId").asText()).isEqualTo("MLR-TEST");
    assertThat(decided.get("waitingFor")).isEmpty();

    JsonNode page = api("ivan", "/api/register/items/" + key);
    List<String> timeline = StreamSupport.stream(page.at("/story/timeline").spliterator(), false)
        .map(event -> event.get("what").asText() + " / " + event.get("who").asText()).toList();
    assertThat(timeline).contains("Submitted / paul", "Screen proposal / null", "Decision: approved at ML Review MLR-TEST / null")
        .contains("Pod review (the search pod's product manager): approved / sarah", "Council vote: approved / marcus")
        .anyMatch(line -> line.startsWith("Mail: Send receipt to proposer"));
    // The task announcements are rows of their own, sent shortly after the task was created.
    await().untilAsserted(() -> assertThat(api("demo", "/api/register/items/" + key).at("/story/timeline"))
        .anyMatch(event -> event.get("what").asText().equals("Mail: Send task mail")));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(proposal.getId())
        .includeDeleted().list()).extracting(HistoricVariableInstance::getName)
        .as("the reviews are history, the engine's multi-instance counters are not")
        .contains("podReview:pod-search-pm").doesNotContain("loopCounter", "nrOfCompletedInstances");
    List<HistoricVariableUpdate> changes = historyService.createHistoricDetailQuery().processInstanceId(proposal.getId())
        .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast).toList();
    assertThat(changes).extracting(HistoricVariableUpdate::getVariableName)
        .as("the item's own variables keep their change log; the findings rewritten by each check do not")
        .contains("findingsSummary", "podReview:pod-search-pm").doesNotContain("findings");
    assertThat(changes).as("a task's form fields keep their last values only").allMatch(change -> change.getTaskId() == null);
    assertThat(timeline).as("each check adds to the findings, but one screening is one event")
        .filteredOn(line -> line.startsWith("Screening findings")).hasSize(1);
    assertThat(page.get("mayWithdraw").asBoolean()).isFalse();
  }

  @Test
  void theItemPageDrawsItsProcessWithWhereItStandsMarked() {
    ProcessInstance proposal = submit("paul", "Register diagram " + UUID.randomUUID());
    String itemPage = "/register/items/" + proposal.getBusinessKey();
    awaitListed(proposal.getBusinessKey());
    await().until(() -> taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey("reviewProposal").count() == RegisterProposals.SEARCH_LEADS.size());

    RegisterSession ivan = RegisterSession.login(rest, "ivan");
    String html = ivan.get(itemPage).getBody();
    assertThat(diagramClass(html, "reviewProposal")).isEqualTo("node now");
    assertThat(diagramClass(html, "proposalSubmitted")).isEqualTo("node passed");
    assertThat(diagramClass(html, "screenProposal")).isEqualTo("node passed");
    assertThat(diagramClass(html, "proposalApproved")).isEqualTo("node");
    assertThat(html).contains("<title>Review proposal</title>");
  }

  @Test
  void restrictedValuesAreForTheCouncilThePodsLeadsAndTheItemsPeople() {
    ProcessInstance proposal = submit("paul", "Register restricted " + UUID.randomUUID());
    String path = "/api/register/items/" + proposal.getBusinessKey();
    awaitListed(proposal.getBusinessKey());

    JsonNode outsider = api("ivan", path);
    assertThat(outsider.at("/story/details").has("buildCost")).isFalse();
    assertThat(outsider.at("/story/details").has("estimatedAnnualImpact")).isFalse();
    assertThat(outsider.at("/story/details/businessProblem").asText()).contains("Search ranking");
    assertThat(outsider.at("/story/restrictedHidden").asBoolean()).isTrue();
    for (String reader : List.of("paul", "priya", "sarah", "marcus", "clara", "demo")) {
      assertThat(api(reader, path).at("/story/details/buildCost").asText()).as(reader).isEqualTo("$300,000");
    }
    assertThat(api("diana", path).at("/story/details").has("buildCost")).as("another pod's lead").isFalse();
  }

  @Test
  void nobodyOutsideTheOrganisationsGroupsReadsTheRegister() {
    String trackOnly = user("trackonly", "ml-engineers");
    String noGroup = user("nogroup", null);
    for (String outsider : List.of(trackOnly, noGroup)) {
      ResponseEntity<String> refused = rest.withBasicAuth(outsider, PASSWORD).getForEntity("/api/register/items",
          String.class);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("\"field\":\"user\"").doesNotContain("at org.");
      assertThat(rest.withBasicAuth(outsider, PASSWORD).getForEntity("/api/register/items.csv", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/register/items", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> anonymousPage = RegisterSession.anonymous(rest).get("/register/items/MLP-2026-0001");
    assertThat(anonymousPage.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymousPage.getHeaders().getLocation().toString())
        .endsWith("/register/login?next=%2Fregister%2Fitems%2FMLP-2026-0001");
    RegisterSession session = RegisterSession.anonymous(rest);
    session.get("/register/login");
    ResponseEntity<String> loggedIn = session.post("/register/login", Map.of("username", trackOnly,
        "password", PASSWORD, "next", "/register"));
    assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    ResponseEntity<String> page = session.get("/register");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(page.getBody()).contains("Not allowed").contains("the register is for members");
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    Map<String, String> refusals = Map.of(
        "sort=drop%20table", "sort: must be one of key, kind",
        "size=101", "size: must be between 1 and 100",
        "page=-1", "page: must be between 0 and 100000",
        "page=abc", "page: must be a whole number",
        "kind=secret", "kind: must be one of proposal",
        "decision=maybe", "decision: must be one of open",
        "q=" + "x".repeat(201), "q: must be at most 200 characters (got 201)",
        "dir=sideways", "dir: must be asc or desc");
    refusals.forEach((query, message) -> {
      ResponseEntity<String> response = rest.withBasicAuth("priya", "demo")
          .getForEntity("/api/register/items?" + query, String.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(query).contains(message).doesNotContain("at org.");
    });
    ResponseEntity<String> page = RegisterSession.login(rest, "priya").get("/register?size=500");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(page.getBody()).contains("size: must be between 1 and 100");
    // A search for LIKE's wildcards finds them as text, not everything.
    assertThat(api("priya", "/api/register/items?q=%25%25_").get("total").asLong()).isZero();
  }

  @Test
  void paulWithdrawsHisProposalFromItsPageAndNobodyElseCan() {
    ProcessInstance proposal = submit("paul", "Register withdrawal " + UUID.randomUUID());
    String key = proposal.getBusinessKey();
    String itemPage = "/register/items/" + key;
    awaitListed(key);

    RegisterSession priya = RegisterSession.login(rest, "priya");
    assertThat(priya.get(itemPage).getBody()).as("no button for others").doesNotContain("Withdraw</button>");
    ResponseEntity<String> refused = priya.post(itemPage + "/withdrawal", Map.of("reason", "mine now", "confirm", "yes"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("only the proposer (paul) or an administrator may withdraw " + key);
    assertThat(rest.withBasicAuth("priya", "demo").postForEntity("/api/proposals/" + key + "/withdrawal",
        Map.of("reason", "mine now"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    RegisterSession paul = RegisterSession.login(rest, "paul");
    assertThat(paul.get(itemPage).getBody()).contains("Withdraw</button>");
    ResponseEntity<String> forged = paul.postExactly(itemPage + "/withdrawal", Map.of("reason", "x", "confirm", "yes"));
    assertThat(forged.getStatusCode()).as("no form token").isEqualTo(HttpStatus.FORBIDDEN);
    paul.get(itemPage);
    ResponseEntity<String> unconfirmed = paul.post(itemPage + "/withdrawal", Map.of("reason", "Priorities changed"));
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unconfirmed.getBody()).contains("confirm: tick the box");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isOne();

    ResponseEntity<String> withdrawn = paul.post(itemPage + "/withdrawal",
        Map.of("reason", "Priorities changed", "confirm", "yes"));
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(paul.get(itemPage).getBody()).contains(key + " is withdrawn");
    JsonNode closed = await().until(() -> onlyItem("paul", "q=" + key.toLowerCase() + "&decision=withdrawn"),
        item -> item != null);
    assertThat(closed.get("rationale").asText()).isEqualTo("Priorities changed");
    assertThat(diagramClass(paul.get(itemPage).getBody(), "proposalWithdrawn")).as("the end it reached")
        .isEqualTo("node now");
    // The status My items shows; the page itself lists open items first, and in the suite's shared
    // database paul has more open items than the page holds.
    assertThat(closed.get("status").asText()).startsWith("withdrawn on ");
  }

  @Test
  void itemsFromBeforeTheRegisterGetTheirRowsFromHistoryAtStartUp() {
    ProcessInstance open = submit("paul", "Register backfill open " + UUID.randomUUID());
    ProcessInstance withdrawn = submit("paul", "Register backfill withdrawn " + UUID.randomUUID());
    ProcessInstance deleted = submit("paul", "Register backfill deleted " + UUID.randomUUID());
    for (ProcessInstance item : List.of(open, withdrawn, deleted)) {
      awaitListed(item.getBusinessKey());
      await().until(() -> onlyItem("paul", "q=" + item.getBusinessKey()).get("stage").asText()
          .equals("Review proposal"));
    }
    assertThat(rest.withBasicAuth("paul", "demo").postForEntity("/api/proposals/" + withdrawn.getBusinessKey()
        + "/withdrawal", Map.of("reason", "Before the register"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    await().until(() -> onlyItem("paul", "q=" + withdrawn.getBusinessKey() + "&decision=withdrawn") != null);
    AsyncWork.awaitDone(managementService);
    // An administrator's repair that skips the listeners: the process ends without telling the register.
    runtimeService.deleteProcessInstance(deleted.getId(), "repair", true);
    // As an installation that ran these items before the register existed: no rows.
    jdbc.update("delete from MLC_REGISTER_ITEM where BUSINESS_KEY_ in (?, ?)", open.getBusinessKey(),
        withdrawn.getBusinessKey());

    backfill.run(null);

    JsonNode waiting = onlyItem("ivan", "q=" + open.getBusinessKey());
    assertThat(waiting.get("stage").asText()).isEqualTo("Review proposal");
    assertThat(waiting.get("title").asText()).startsWith("Register backfill open");
    assertThat(texts(waiting.get("waitingFor"))).contains("the search pod's product manager");
    JsonNode closed = onlyItem("ivan", "q=" + withdrawn.getBusinessKey());
    assertThat(closed.get("decision").asText()).isEqualTo("withdrawn");
    assertThat(closed.get("rationale").asText()).isEqualTo("Before the register");
    assertThat(closed.get("stage").asText()).isEqualTo("Closed");
    JsonNode cancelled = onlyItem("ivan", "q=" + deleted.getBusinessKey());
    assertThat(cancelled.get("decision").asText()).isEqualTo("cancelled");
    assertThat(cancelled.get("waitingFor")).isEmpty();
  }

  @Test
  void oneLoginServesTheRegisterAndTasklist() {
    RegisterSession paul = RegisterSession.login(rest, "paul");
    ResponseEntity<String> tasklistUser = paul.get("/camunda/api/admin/auth/user/default");
    assertThat(tasklistUser.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklistUser.getBody()).contains("\"userId\":\"paul\"");
    ResponseEntity<String> register = paul.get("/register");
    assertThat(register.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(register.getBody()).contains("ML register").contains(">paul<");
    assertThat(register.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");

    // A user of its own: a wrong password makes the account wait before its next login counts.
    String forgetful = user("forgetful", "ml-practitioners");
    RegisterSession wrong = RegisterSession.anonymous(rest);
    wrong.get("/register/login");
    ResponseEntity<String> refused = wrong.post("/register/login", Map.of("username", forgetful, "password", "nope"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getBody()).contains("Wrong user name or password.");
    assertThat(RegisterSession.anonymous(rest).postExactly("/register/login",
        Map.of("username", "paul", "password", "demo")).getStatusCode()).as("no form token").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theChairHoldsTheMlReviewNowAndTheArchiveKeepsIt() {
    ResponseEntity<String> refused = rest.withBasicAuth("marcus", "demo").postForEntity("/api/register/meetings", null,
        String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(RegisterSession.login(rest, "marcus").get("/register/meetings").getBody())
        .doesNotContain("Hold ML Review now");

    RegisterSession clara = RegisterSession.login(rest, "clara");
    assertThat(clara.get("/register/meetings").getBody()).contains("Hold ML Review now");
    long before = meetings();
    ResponseEntity<String> opened = clara.post("/register/meetings", Map.of());
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(meetings()).isEqualTo(before + 1);
    // With items other test classes left waiting, the meeting would wait for the chair: end it once
    // its own steps (the agenda, a mail) are done; its history stays.
    AsyncWork.awaitDone(managementService);
    runtimeService.createProcessInstanceQuery().processDefinitionKey("ml-review-meeting").list()
        .forEach(meeting -> runtimeService.deleteProcessInstance(meeting.getId(), "register test"));

    JsonNode archive = api("nina", "/api/register/meetings?size=100");
    assertThat(archive.get("total").asLong()).isEqualTo(before + 1);
    String key = archive.at("/meetings/0/key").asText();
    assertThat(key).matches("MLR-\\d{4}-W\\d{2}(-\\d+)?");
    assertThat(api("nina", "/api/register/meetings/" + key).get("open").asBoolean()).isFalse();
    assertThat(clara.get("/register/meetings/" + key).getBody()).contains("ML Review <span>" + key);
  }

  @Test
  void whatPeopleTypedIsShownAsTextOnThePagesAndDisarmedInTheCsv() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String title = "=HYPERLINK(\"https://evil.example\") <script>alert('" + marker + "')</script>";
    ProcessInstance proposal = submit("paul", title);
    awaitListed(proposal.getBusinessKey());

    RegisterSession ivan = RegisterSession.login(rest, "ivan");
    for (String page : List.of("/register?q=" + marker, "/register/items/" + proposal.getBusinessKey())) {
      String html = ivan.get(page).getBody();
      assertThat(html).as(page).contains("&lt;script&gt;alert(&#39;" + marker).doesNotContain("<script>alert");
    }
    String csv = rest.withBasicAuth("ivan", "demo").getForEntity("/api/register/items.csv?q=" + marker, String.class)
        .getBody();
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")");
  }

  @Test
  void theCsvExportHasTheListsColumns() {
    String title = "Register csv " + UUID.randomUUID();
    ProcessInstance proposal = submit("paul", title);
    awaitListed(proposal.getBusinessKey());
    ResponseEntity<String> csv = rest.withBasicAuth("priya", "demo")
        .getForEntity("/api/register/items.csv?q=" + title, String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<String> lines = csv.getBody().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("\"key\",\"kind\",\"title\",\"pod\",\"proposer\"");
    assertThat(lines.get(1)).startsWith("\"" + proposal.getBusinessKey() + "\",\"proposal\",\"" + title + "\",\"search\"");
  }

  private static final String PASSWORD = "Zebra-Lamp-2026!q";

  private String user(String prefix, String group) {
    String id = prefix + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setFirstName("Test");
    user.setLastName("Person");
    user.setEmail(id + "@example.org");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    createdUsers.add(id);
    if (group != null) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  private long meetings() {
    return api("clara", "/api/register/meetings").get("total").asLong();
  }

  private ProcessInstance submit(String proposer, String title) {
    return proposals().submit(proposer, title);
  }

  private RegisterProposals proposals() {
    return new RegisterProposals(runtimeService, taskService, identityService, managementService);
  }

  private void awaitListed(String key) {
    await().until(() -> row(api("priya", "/api/register/items?q=" + key.toLowerCase()), key) != null);
  }

  /** The classes of an activity in the page's process diagram: {@code node now}, {@code node passed} or {@code node}. */
  private static String diagramClass(String html, String activity) {
    Matcher node = Pattern.compile("<g class=\"([^\"]+)\" data-activity=\"" + activity + "\">").matcher(html);
    assertThat(node.find()).as(activity + " in the diagram").isTrue();
    return node.group(1);
  }

  /** The only item a search finds, or {@code null}. */
  private JsonNode onlyItem(String user, String query) {
    JsonNode rows = api(user, "/api/register/items?" + query).get("rows");
    assertThat(rows.size()).as(query).isLessThanOrEqualTo(1);
    return rows.isEmpty() ? null : flat(rows.get(0));
  }

  private static JsonNode row(JsonNode listing, String key) {
    for (JsonNode row : listing.get("rows")) {
      if (row.at("/item/key").asText().equals(key)) {
        return row;
      }
    }
    return null;
  }

  /** The row's item, with its status and age beside its own fields. */
  private static JsonNode flat(JsonNode row) {
    com.fasterxml.jackson.databind.node.ObjectNode item = (com.fasterxml.jackson.databind.node.ObjectNode) row.get("item").deepCopy();
    item.set("status", row.get("status"));
    item.set("ageInStage", row.get("ageInStage"));
    return item;
  }

  private JsonNode api(String user, String path) {
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, String.class);
    assertThat(response.getStatusCode()).as(path + " as " + user + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return JSON.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
