package org.mlcouncil.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.FlowNodeCoverage;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.LogCapture;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The yearly rotation: nomination, composition check, admin confirmation, groups and open votes. */
@IntegrationTest
class CouncilRotationIT {

  /** The directory's path, where the platform cannot change the groups, is DirectoryCouncilRotationIT's. */
  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("council-rotation", "yearly-council-rotation")
      .except(DirectoryCouncilRotationIT.DIRECTORY_PATH);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  /** Other test classes rely on the demo council: clara (chair), ines, marcus, nina. */
  @AfterEach
  void restoreDemoCouncil() {
    setMembers(Groups.COUNCIL, CouncilItems.COUNCIL);
    setMembers(Groups.COUNCIL_CHAIR, List.of("clara"));
  }

  @Test
  void rejectedCompositionGoesBackThenTheConfirmedCouncilTakesOverOpenVotes() {
    CouncilItems items = new CouncilItems(runtimeService, taskService, identityService, managementService);
    ProcessInstance openItem = items.request("proposal", "paul", "paul", "watcher@example.org");
    await().untilAsserted(() -> assertThat(openItem).isWaitingAt("voteOnItem"));
    items.vote(openItem, "marcus", "approve", null);

    ProcessInstance rotation = ActingUser.as(identityService, "clara",
        () -> runtimeService.startProcessInstanceByKey("council-rotation"));
    coverage.track(rotation);
    Task nominate = steps().task(rotation, "nominateCouncil");
    assertThat(nominate).hasCandidateGroup("ml-council-chair");
    assertThat(taskService.getVariable(nominate.getId(), "currentMembers")).isEqualTo("clara, ines, marcus, nina");

    steps().complete("clara", nominate, Map.of("nominatedMembers", "marcus, priya, nina", "nominatedChair", "sofia"));

    Task again = steps().task(rotation, "nominateCouncil");
    assertThat(taskService.getVariable(again.getId(), "compositionProblems").toString())
        .contains("The chair sofia must also be a member").contains("at least 4 members (got 3)")
        .contains("Nobody from ml-infra");
    steps().complete("clara", again, Map.of("nominatedMembers", "marcus, priya, nina, ivan", "nominatedChair", "priya"));

    Task confirm = steps().task(rotation, "confirmCouncilRotation");
    assertThat(confirm).hasCandidateGroup("camunda-admin");
    steps().complete("demo", confirm, Map.of("rotationDecision", "send-back", "rotationComment", "Ask ines first."));
    steps().complete("clara", steps().task(rotation, "nominateCouncil"), Map.of());
    steps().complete("demo", steps().task(rotation, "confirmCouncilRotation"), Map.of("rotationDecision", "confirm"));

    await().untilAsserted(() -> assertThat(rotation).isEnded().hasPassed("councilRotated"));
    assertThat(steps().members(Groups.COUNCIL)).containsExactlyInAnyOrder("ivan", "marcus", "nina", "priya");
    assertThat(steps().members(Groups.COUNCIL_CHAIR)).containsExactly("priya");
    List<String> voting = taskService.createTaskQuery().processInstanceId(openItem.getId()).list().stream()
        .map(Task::getAssignee).toList();
    assertThat(voting).as("clara's and ines's votes passed to ivan and priya; marcus already voted")
        .containsExactlyInAnyOrder("ivan", "nina", "priya");
    assertThat(ActingUser.as(identityService, "ivan", () -> taskService.createTaskQuery()
        .processInstanceId(openItem.getId()).list())).as("ivan sees his vote task").hasSize(1);
    MimeMessage handedOver = Mailbox.awaitOne("ivan@mlcouncil.example",
        "New task: Vote on agenda item – Item " + openItem.getBusinessKey());
    assertThat(Mailbox.text(handedOver)).contains("#/?task=");
    assertThat(ActingUser.as(identityService, "clara", () -> taskService.createTaskQuery()
        .processInstanceId(openItem.getId()).list())).as("clara no longer sees council votes").isEmpty();
    String announcement = Mailbox.text(Mailbox.awaitOne("paul@mlcouncil.example", "The ML Council has rotated: priya"));
    assertThat(announcement).contains("Members: marcus, priya, nina, ivan").contains("departing members: clara, ines");
  }

  @Test
  void scheduledRotationAsksTheChairToNominate() {
    String timer = managementService.createJobQuery().processDefinitionKey("yearly-council-rotation").timers()
        .singleResult().getId();

    managementService.executeJob(timer);

    ProcessInstance scheduled = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("yearly-council-rotation").singleResult();
    coverage.track(scheduled);
    ProcessInstance rotation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(scheduled.getId())
        .singleResult();
    coverage.track(rotation);
    assertThat(rotation).isWaitingAt("nominateCouncil");
    steps().complete("clara", steps().task(rotation, "nominateCouncil"), Map.of());
    steps().complete("demo", steps().task(rotation, "confirmCouncilRotation"), Map.of("rotationDecision", "confirm"));
    await().untilAsserted(() -> assertThat(scheduled).isEnded().hasPassed("rotationDone"));
    assertThat(steps().members(Groups.COUNCIL)).containsExactlyInAnyOrderElementsOf(CouncilItems.COUNCIL);
  }

  @Test
  void onlyAnExplicitConfirmationRotatesTheCouncilAndARefusalLogsOneLine() {
    ProcessInstance rotation = ActingUser.as(identityService, "clara",
        () -> runtimeService.startProcessInstanceByKey("council-rotation"));
    steps().complete("clara", steps().task(rotation, "nominateCouncil"), Map.of("nominatedMembers", "marcus, priya, nina, ivan",
        "nominatedChair", "priya"));
    Task confirm = steps().task(rotation, "confirmCouncilRotation");

    List<ILoggingEvent> log;
    ResponseEntity<Map> refused;
    try (LogCapture capture = LogCapture.start()) {
      refused = rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/task/" + confirm.getId() + "/complete",
          Map.of("variables", Map.of("rotationDecision", Map.of("value", "yes"))), Map.class);
      log = capture.events();
    }

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message")).isEqualTo("rotationDecision: choose confirm or send-back");
    assertThat(steps().members(Groups.COUNCIL)).containsExactlyInAnyOrderElementsOf(CouncilItems.COUNCIL);
    assertThat(rotation).isWaitingAt("confirmCouncilRotation");
    List<ILoggingEvent> aboutIt = log.stream().filter(event -> event.getFormattedMessage().contains("rotationDecision")
        || event.getThrowableProxy() != null && String.valueOf(event.getThrowableProxy().getMessage()).contains("rotationDecision"))
        .toList();
    assertThat(aboutIt).as("one line, no stack trace").singleElement().satisfies(event -> {
      assertThat(event.getThrowableProxy()).isNull();
      assertThat(event.getFormattedMessage()).isEqualTo("Refused: rotationDecision: choose confirm or send-back");
    });
    runtimeService.deleteProcessInstance(rotation.getId(), "test over");
  }

  private RotationSteps steps() {
    return new RotationSteps(taskService, identityService);
  }

  private void setMembers(String groupId, List<String> wanted) {
    List<String> current = steps().members(groupId);
    current.stream().filter(user -> !wanted.contains(user)).forEach(user -> identityService.deleteMembership(user, groupId));
    wanted.stream().filter(user -> !current.contains(user)).forEach(user -> identityService.createMembership(user, groupId));
  }
}
