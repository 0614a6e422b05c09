package org.mlcouncil.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.LdapIntegrationTest;
import org.mlcouncil.support.LdapTestInfrastructure;
import org.mlcouncil.support.Mailbox;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The company directory as the user store, against a real LDAP server (UnboundID's in-memory
 * directory, seeded from {@code ldap/organisation.ldif}): people log in with their directory
 * passwords, their addresses and groups come from it (the council's directory group mapped to
 * {@code ml-council}), a proposal goes through its whole lifecycle with directory users only, and
 * a directory outage is answered clearly and heals by itself.
 */
@LdapIntegrationTest
class LdapDirectoryIT {

  private static final String PASSWORD = LdapTestInfrastructure.PASSWORD;
  private static final String REST = "/engine-rest/engine/" + LdapTestInfrastructure.ENGINE;
  private static final List<String> COUNCIL = List.of("lclara", "lmarcus", "lnina", "lines");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired ExternalTaskService externalTaskService;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void directoryBackAndQuiet() {
    LdapTestInfrastructure.startDirectory();
    await().atMost(Duration.ofMinutes(1)).until(() -> managementService.createJobQuery().messages().executable().count() == 0
        && externalTaskService.createExternalTaskQuery().topicName("mail").withRetriesLeft().count() == 0);
  }

  @Test
  void peopleLogInWithTheirDirectoryPasswordsAndBringTheirAddressesAndGroups() {
    assertThat(call("lpaul", PASSWORD, HttpMethod.GET, "/user/lpaul/profile", null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call("lpaul", "wrong-password", HttpMethod.GET, "/user/lpaul/profile", null).getStatusCode().value())
        .isEqualTo(401);
    assertThat(WebappSession.loginStatus(rest, LdapTestInfrastructure.ENGINE, "tasklist", "lsarah", PASSWORD))
        .isEqualTo(200);
    assertThat(WebappSession.loginStatus(rest, LdapTestInfrastructure.ENGINE, "cockpit", "lsarah", PASSWORD))
        .as("a pod lead has no Cockpit").isEqualTo(403);
    assertThat(WebappSession.loginStatus(rest, LdapTestInfrastructure.ENGINE, "cockpit", "dana", PASSWORD))
        .as("the directory's camunda-admin group administers").isEqualTo(200);

    User paul = identityService.createUserQuery().userId("lpaul").singleResult();
    assertThat(paul.getEmail()).isEqualTo("paul.lind@corp.example");
    assertThat(paul.getFirstName() + " " + paul.getLastName()).isEqualTo("Paul Lind");
    // The directory's ai-council is the platform's ml-council, both ways.
    assertThat(identityService.createGroupQuery().groupMember("lmarcus").list().stream().map(Group::getId))
        .containsExactlyInAnyOrder("ml-council", "ml-engineers");
    assertThat(identityService.createUserQuery().memberOfGroup("ml-council").list().stream().map(User::getId))
        .containsExactlyInAnyOrderElementsOf(COUNCIL);
    assertThat(identityService.createGroupQuery().groupId("ai-council").count()).isZero();
    assertThat(identityService.isReadOnly()).isTrue();
  }

  @Test
  void aProposalGoesThroughItsLifecycleWithDirectoryUsersOnly() {
    Map<String, Object> values = ProposalData.validForRest("Directory " + UUID.randomUUID());
    values.put("team", "lpaul, lpriya");
    values.put("technicalLead", "lpaul");
    values.put("interestedPeople", "watcher@example.org");
    ResponseEntity<String> started = call("lpaul", PASSWORD, HttpMethod.POST,
        "/process-definition/key/ml-proposal/start", variables(values));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String proposal = field(started, "id");
    String key = runtimeService.createProcessInstanceQuery().processInstanceId(proposal).singleResult().getBusinessKey();
    Mailbox.awaitOne("paul.lind@corp.example", "Proposal received");
    await().until(() -> taskService.createTaskQuery().processInstanceId(proposal).count() == 4);

    // Group-based visibility: each pod lead, in their pod group only, sees exactly their review.
    for (String lead : List.of("lsarah", "lsam", "lsofia", "lsimon")) {
      assertThat(count(call(lead, PASSWORD, HttpMethod.GET, "/task?processInstanceId=" + proposal, null)))
          .as(lead + " sees their own review").isEqualTo(1);
    }
    assertThat(count(call("lmarcus", PASSWORD, HttpMethod.GET, "/task?processInstanceId=" + proposal, null))).isZero();
    assertThat(count(call("lpriya", PASSWORD, HttpMethod.GET, "/task?processInstanceId=" + proposal, null))).isZero();
    Mailbox.awaitOne("sarah.stone@corp.example", "New task");

    for (String lead : List.of("lsarah", "lsam", "lsofia", "lsimon")) {
      Task review = taskService.createTaskQuery().processInstanceId(proposal).taskCandidateUser(lead).singleResult();
      assertThat(call(lead, PASSWORD, HttpMethod.POST, "/task/" + review.getId() + "/claim",
          "{\"userId\":\"" + lead + "\"}").getStatusCode().value()).isEqualTo(204);
      ResponseEntity<String> completed = call(lead, PASSWORD, HttpMethod.POST, "/task/" + review.getId() + "/complete",
          variables(Map.of("decision", "approve", "businessProblemScore", "4", "prioritisationScore", "4",
              "impactCostScore", "4")));
      assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    }

    // The council is the directory's ai-council: its four members vote.
    await().atMost(Duration.ofSeconds(30)).until(() -> councilReview(proposal) != null
        && taskService.createTaskQuery().processInstanceId(councilReview(proposal).getId())
            .taskDefinitionKey("voteOnItem").count() == COUNCIL.size());
    ProcessInstance review = councilReview(proposal);
    for (String member : COUNCIL) {
      Task vote = taskService.createTaskQuery().processInstanceId(review.getId()).taskAssignee(member).singleResult();
      assertThat(call(member, PASSWORD, HttpMethod.POST, "/task/" + vote.getId() + "/complete",
          variables(Map.of("vote", "approve"))).getStatusCode().value()).isEqualTo(204);
    }
    await().until(() -> managementService.createJobQuery().processInstanceId(review.getId())
        .activityId("voteOnItem").count() == 0);
    new CouncilItems(runtimeService, taskService, identityService, managementService).holdMeeting(review);

    String subject = "ML Council decision on";
    assertThat(Mailbox.subject(Mailbox.awaitOne("paul.lind@corp.example", subject))).contains(key).endsWith("approved");
    // One message to all: the server delivers it to each recipient in turn.
    await().until(() -> !Mailbox.messages("clara.crane@corp.example", subject).isEmpty());
    await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(proposal).finished()
        .count() == 1);
  }

  @Test
  void aDirectoryOutageIsAnsweredClearlyAndHealsByItself() {
    assertThat(call("lpaul", PASSWORD, HttpMethod.GET, "/task", null).getStatusCode().value()).isEqualTo(200);

    LdapTestInfrastructure.stopDirectory();
    ResponseEntity<String> rest503 = call("lpaul", PASSWORD, HttpMethod.GET, "/task", null);
    assertThat(rest503.getStatusCode().value()).isEqualTo(503);
    assertThat(field(rest503, "message")).contains("directory (LDAP) is not reachable");
    assertThat(rest503.getBody()).doesNotContain("at org.").doesNotContain("javax.naming");
    assertThat(WebappSession.loginStatus(rest, LdapTestInfrastructure.ENGINE, "tasklist", "lpaul", PASSWORD))
        .isEqualTo(503);

    LdapTestInfrastructure.startDirectory();
    assertThat(call("lpaul", PASSWORD, HttpMethod.GET, "/task", null).getStatusCode().value()).isEqualTo(200);
    assertThat(WebappSession.loginStatus(rest, LdapTestInfrastructure.ENGINE, "tasklist", "lpaul", PASSWORD))
        .isEqualTo(200);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private ProcessInstance councilReview(String proposal) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(proposal).singleResult();
  }

  private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).exchange(REST + path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  private String variables(Map<String, Object> values) {
    Map<String, Object> typed = new HashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    try {
      return json.writeValueAsString(Map.of("variables", typed));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return read(answer).size();
  }

  private String field(ResponseEntity<String> answer, String name) {
    return read(answer).path(name).asText();
  }

  private JsonNode read(ResponseEntity<String> answer) {
    try {
      return json.readTree(answer.getBody());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + answer.getBody(), e);
    }
  }
}
