package org.mlcouncil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Each role group works on its own: one user per role group, in that group and no other (no
 * {@code ml-practitioners} behind it), walks what the role's work needs and what it must be
 * refused, over the same APIs Tasklist, Cockpit and REST clients use. Expected and actual land
 * side by side in {@code target/role-matrix.md}; every cell must match.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

  private static final Path REPORT = Path.of("target/role-matrix.md");
  private static final String PASSWORD = "demo";
  private static final String ALLOW = "allow";
  private static final String DENY = "deny";
  private static final List<String> FILTERS = List.of("My tasks", "My group's tasks", "Pod reviews", "Council votes",
      "Chair decisions");
  /** The shipped processes; other test classes deploy models of their own, which are not the matrix's business. */
  private static final Set<String> SHIPPED = Set.of("ml-proposal", "job-description-review", "technology-decision",
      "council-review", "ml-review-meeting", "council-rotation", "yearly-council-rotation", "deployment-review",
      "platform-mail-check", "task-notification");

  /** User id → the one group the user is in. */
  private static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("rmpractitioner", Groups.PRACTITIONERS);
    ROLES.put("rmdispatchpm", "pod-dispatch-pm");
    ROLES.put("rmcouncil", Groups.COUNCIL);
    ROLES.put("rmchair", Groups.COUNCIL_CHAIR);
    ROLES.put("rmowner", Groups.PROCESS_OWNERS);
    ROLES.put("rmadmin", Groups.ADMIN);
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> scratch = new ArrayList<>();
  private CouncilItems council;
  private String dispatchProposal;
  private ProcessInstance councilReview;

  @BeforeAll
  void createOneUserPerRole() {
    council = new CouncilItems(runtimeService, taskService, identityService, managementService);
    ROLES.forEach((userId, group) -> {
      User user = identityService.newUser(userId);
      user.setFirstName("Matrix");
      user.setLastName(group);
      user.setEmail(userId + "@mlcouncil.example");
      user.setPassword(PASSWORD);
      // Past the password policy, as the demo users: the REST helpers log in with 'demo'.
      ((IdentityServiceImpl) identityService).saveUser(user, true);
      identityService.createMembership(userId, group);
    });
  }

  @AfterAll
  void removeUsersAndScratchItems() {
    AsyncWork.awaitDone(managementService);
    scratch.forEach(this::delete);
    ROLES.keySet().forEach(identityService::deleteUser);
  }

  @Test
  void everyRoleGroupDoesItsWorkWithoutMlPractitioners() throws IOException {
    List<Row> rows = List.of(
        new Row("log in to Tasklist", allowFor(ROLES.keySet()),
            user -> outcome(WebappSession.loginStatus(rest, "tasklist", user, PASSWORD))),
        new Row("log in to Cockpit", allowFor(Set.of("rmchair", "rmowner", "rmadmin")),
            user -> outcome(WebappSession.loginStatus(rest, "cockpit", user, PASSWORD))),
        new Row("Tasklist filters shown", user -> String.join(", ", FILTERS), this::filtersShown),
        new Row("processes offered under Start process", user -> switch (ROLES.get(user)) {
          case Groups.PRACTITIONERS -> "job-description-review, ml-proposal, technology-decision";
          case Groups.COUNCIL_CHAIR -> "council-rotation";
          case Groups.PROCESS_OWNERS -> "platform-mail-check";
          case Groups.ADMIN -> "council-rotation, job-description-review, ml-proposal, platform-mail-check, "
              + "technology-decision";
          default -> "none";
        }, this::startable),
        new Row("submit an ML proposal", allowFor(Set.of("rmpractitioner", "rmadmin")), this::submitProposal),
        new Row("read the register (an ML proposal, runtime and history)", allowFor(ROLES.keySet()), this::readRegister),
        new Row("see the dispatch PM's pod review and open its form", allowFor(Set.of("rmdispatchpm", "rmadmin")),
            this::openDispatchReview),
        new Row("claim and complete the dispatch PM's pod review", allowFor(Set.of("rmdispatchpm", "rmadmin")),
            this::completeDispatchReview),
        new Row("see the council vote assigned to rmcouncil", allowFor(Set.of("rmcouncil", "rmadmin")),
            this::seeCouncilVote),
        new Row("complete the council vote assigned to rmcouncil", allowFor(Set.of("rmcouncil", "rmadmin")),
            this::completeCouncilVote),
        new Row("open the ML Review now (message MlReviewRequested)", allowFor(Set.of("rmchair", "rmadmin")),
            this::openMlReview),
        new Row("see and claim the chair's Run ML Review task", allowFor(Set.of("rmchair", "rmadmin")),
            this::claimRunMlReview),
        new Row("start a council rotation", allowFor(Set.of("rmchair", "rmadmin")), this::startRotation),
        new Row("read deployments (Cockpit)", allowFor(Set.of("rmowner", "rmadmin")), this::readDeployments),
        new Row("add a member to ml-council", allowFor(Set.of("rmadmin")), this::joinCouncil));

    StringBuilder table = new StringBuilder("| action | ")
        .append(ROLES.entrySet().stream().map(role -> role.getKey() + " (" + role.getValue() + ")")
            .collect(Collectors.joining(" | ")))
        .append(" |\n|---|").append("---|".repeat(ROLES.size())).append('\n');
    List<String> deviations = new ArrayList<>();
    for (Row row : rows) {
      table.append("| ").append(row.action()).append(" |");
      for (String user : ROLES.keySet()) {
        String expected = row.expected().apply(user);
        String actual = row.actual().apply(user);
        boolean same = value(actual).equals(expected);
        table.append(' ').append(actual).append(same ? "" : " **expected " + expected + "**").append(" |");
        if (!same) {
          deviations.add(row.action() + " as " + user + ": expected " + expected + ", was " + actual);
        }
      }
      table.append('\n');
    }
    String report = "# Role × action matrix\n\nOne user per role group, in that group only (no `ml-practitioners`). "
        + "Each cell is the actual answer (HTTP status in brackets); a cell that differs from the expected one "
        + "says so in bold.\n\n" + table + "\n" + rows.size() * ROLES.size() + " cells, " + deviations.size()
        + " deviations.\n";
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report);
    System.out.println(report);
    assertThat(deviations).as("cells where the actual answer differs from the expected one").isEmpty();
  }

  // --- the actions ------------------------------------------------------------------------------

  private String filtersShown(String user) {
    ResponseEntity<String> answer = call(user, HttpMethod.GET, "/filter", null);
    if (!answer.getStatusCode().is2xxSuccessful()) {
      return "none (" + answer.getStatusCode().value() + ")";
    }
    Set<String> names = names(answer, "name");
    List<String> shown = FILTERS.stream().filter(names::contains).toList();
    return shown.isEmpty() ? "none" : String.join(", ", shown);
  }

  private String startable(String user) {
    List<String> keys = EngineRest.startableInTasklist(rest, user).stream().filter(SHIPPED::contains).sorted().toList();
    return keys.isEmpty() ? "none" : String.join(", ", keys);
  }

  private String submitProposal(String user) {
    ResponseEntity<String> answer = EngineRest.start(rest, user, "ml-proposal", proposal("search"));
    if (answer.getStatusCode().is2xxSuccessful()) {
      scratch.add(EngineRest.id(answer));
    }
    return outcome(answer.getStatusCode().value());
  }

  private String readRegister(String user) {
    String proposal = dispatchProposal();
    ResponseEntity<String> runtime = call(user, HttpMethod.GET, "/process-instance?processInstanceIds=" + proposal, null);
    ResponseEntity<String> history = call(user, HttpMethod.GET, "/history/process-instance?processInstanceId=" + proposal,
        null);
    ResponseEntity<String> variables = call(user, HttpMethod.GET, "/process-instance/" + proposal + "/variables", null);
    boolean reads = count(runtime) == 1 && count(history) == 1 && variables.getStatusCode().is2xxSuccessful();
    return reads ? ALLOW + " (200)" : DENY + " (" + runtime.getStatusCode().value() + "/"
        + history.getStatusCode().value() + "/" + variables.getStatusCode().value() + ")";
  }

  private String openDispatchReview(String user) {
    Task review = dispatchReview();
    ResponseEntity<String> listed = call(user, HttpMethod.GET, "/task?processInstanceId=" + review.getProcessInstanceId()
        + "&candidateGroup=pod-dispatch-pm", null);
    if (count(listed) != 1) {
      return DENY + " (not listed)";
    }
    return outcome(call(user, HttpMethod.GET, "/task/" + review.getId() + "/deployed-form", null).getStatusCode().value());
  }

  private String completeDispatchReview(String user) {
    Task review = dispatchReview();
    int claimed = call(user, HttpMethod.POST, "/task/" + review.getId() + "/claim", "{\"userId\":\"" + user + "\"}")
        .getStatusCode().value();
    if (claimed >= 300) {
      return outcome(claimed);
    }
    int completed = EngineRest.complete(rest, user, review.getId(), Map.of("decision", "approve",
        "businessProblemScore", "4", "prioritisationScore", "4", "impactCostScore", "4")).getStatusCode().value();
    if (completed >= 300) {
      taskService.setAssignee(review.getId(), null);
    }
    return outcome(completed);
  }

  private String seeCouncilVote(String user) {
    Task vote = councilVote();
    ResponseEntity<String> listed = call(user, HttpMethod.GET, "/task?taskId=" + vote.getId(), null);
    return count(listed) == 1 ? ALLOW + " (200)" : DENY + " (not listed)";
  }

  private String completeCouncilVote(String user) {
    Task vote = councilVote();
    return outcome(EngineRest.complete(rest, user, vote.getId(), Map.of("vote", "approve")).getStatusCode().value());
  }

  private String openMlReview(String user) {
    ResponseEntity<String> answer = call(user, HttpMethod.POST, "/message",
        "{\"messageName\":\"MlReviewRequested\",\"resultEnabled\":true}");
    if (answer.getStatusCode().is2xxSuccessful()) {
      try {
        delete(json.readTree(answer.getBody()).path(0).path("processInstance").path("id").asText());
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + answer.getBody(), e);
      }
    }
    return outcome(answer.getStatusCode().value());
  }

  private String claimRunMlReview(String user) {
    ProcessInstance meeting = runtimeService.createMessageCorrelation("MlReviewRequested").correlateStartMessage();
    scratch.add(meeting.getId());
    Task run = taskService.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey("runMlReview")
        .singleResult();
    ResponseEntity<String> listed = call(user, HttpMethod.GET, "/task?processInstanceId=" + meeting.getId(), null);
    if (count(listed) != 1) {
      delete(meeting.getId());
      return DENY + " (not listed)";
    }
    int claimed = call(user, HttpMethod.POST, "/task/" + run.getId() + "/claim", "{\"userId\":\"" + user + "\"}")
        .getStatusCode().value();
    delete(meeting.getId());
    return outcome(claimed);
  }

  private String startRotation(String user) {
    ResponseEntity<String> answer = EngineRest.start(rest, user, "council-rotation", Map.of());
    if (answer.getStatusCode().is2xxSuccessful()) {
      delete(EngineRest.id(answer));
    }
    return outcome(answer.getStatusCode().value());
  }

  private String readDeployments(String user) {
    ResponseEntity<String> answer = call(user, HttpMethod.GET, "/deployment?name=ml-council", null);
    return count(answer) > 0 ? ALLOW + " (200)" : DENY + " (" + answer.getStatusCode().value() + ", none listed)";
  }

  private String joinCouncil(String user) {
    int status = call(user, HttpMethod.PUT, "/group/ml-council/members/rmpractitioner", null).getStatusCode().value();
    identityService.deleteMembership("rmpractitioner", Groups.COUNCIL);
    return outcome(status);
  }

  // --- fixtures ---------------------------------------------------------------------------------

  /** A proposal of paul's in the dispatch pod, at its pod review, started as the platform's API is. */
  private String dispatchProposal() {
    if (dispatchProposal == null) {
      ResponseEntity<String> answer = EngineRest.start(rest, "paul", "ml-proposal", proposal("dispatch"));
      dispatchProposal = EngineRest.id(answer);
      scratch.add(dispatchProposal);
      await().until(() -> taskService.createTaskQuery().processInstanceId(dispatchProposal).count() == 4);
      AsyncWork.awaitDone(managementService);
    }
    return dispatchProposal;
  }

  /** The dispatch PM's open review; a new proposal once a cell completed the last one. */
  private Task dispatchReview() {
    Task review = taskService.createTaskQuery().processInstanceId(dispatchProposal())
        .taskCandidateGroup("pod-dispatch-pm").singleResult();
    if (review == null) {
      dispatchProposal = null;
      return dispatchReview();
    }
    return review;
  }

  /** rmcouncil's open vote; a new council review once a cell completed the last one. */
  private Task councilVote() {
    Task vote = councilReview == null ? null : council.voteTask(councilReview, "rmcouncil");
    if (vote == null) {
      councilReview = council.request("proposal", "paul", "priya", "watcher@example.org", "Matrix");
      scratch.add(councilReview.getId());
      await().until(() -> council.voteTask(councilReview, "rmcouncil") != null);
      vote = council.voteTask(councilReview, "rmcouncil");
    }
    return vote;
  }

  private static Map<String, Object> proposal(String pod) {
    Map<String, Object> values = ProposalData.validForRest("Matrix " + UUID.randomUUID());
    values.put("pod", pod);
    return values;
  }

  /** Removes an instance the matrix made, history and all, so it counts nowhere else. */
  private void delete(String processInstanceId) {
    await().ignoreExceptionsInstanceOf(ProcessEngineException.class).until(() -> {
      runtimeService.deleteProcessInstanceIfExists(processInstanceId, "role matrix", true, true, true, true);
      return true;
    });
    historyService.deleteHistoricProcessInstanceIfExists(processInstanceId);
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  private int count(ResponseEntity<String> answer) {
    if (!answer.getStatusCode().is2xxSuccessful()) {
      return -1;
    }
    try {
      return json.readTree(answer.getBody()).size();
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + answer.getBody(), e);
    }
  }

  private Set<String> names(ResponseEntity<String> answer, String field) {
    try {
      JsonNode list = json.readTree(answer.getBody());
      return StreamSupport.stream(list.spliterator(), false).map(item -> item.path(field).asText())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + answer.getBody(), e);
    }
  }

  private static Function<String, String> allowFor(Set<String> users) {
    return user -> users.contains(user) ? ALLOW : DENY;
  }

  private static String outcome(int status) {
    return (status >= 200 && status < 300 ? ALLOW : DENY) + " (" + status + ")";
  }

  /** A cell's value without the detail in brackets. */
  private static String value(String cell) {
    int detail = cell.indexOf(" (");
    return detail < 0 ? cell : cell.substring(0, detail);
  }

  private record Row(String action, Function<String, String> expected, Function<String, String> actual) {
  }
}
