package org.mlcouncil.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import java.util.Map;
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
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.FlowNodeCoverage;
import org.mlcouncil.support.LdapIntegrationTest;
import org.mlcouncil.support.LdapTestInfrastructure;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rotation when the company directory keeps the groups, which the platform can only read: the
 * confirmed council becomes a task for the directory's administrator listing the exact membership
 * changes, and the rotation hands over votes and announces the council only once the directory
 * shows it; until then the task comes back with what is still missing.
 */
@LdapIntegrationTest
class DirectoryCouncilRotationIT {

  /** The flow nodes only a directory reaches; CouncilRotationIT gates the rest on the platform's own groups. */
  static final String[] DIRECTORY_PATH = {"directoryUpdateDue", "updateDirectoryCouncil", "checkDirectoryCouncil",
      "directoryAgrees", "handOverCouncilVotes"};

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("council-rotation").except("applyCouncilRotation");

  private static final String COUNCIL_GROUP = "cn=ai-council,ou=groups," + LdapTestInfrastructure.BASE_DN;
  private static final String CHAIR_GROUP = "cn=ml-council-chair,ou=groups," + LdapTestInfrastructure.BASE_DN;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  /** The other LDAP tests rely on the directory's council: lclara (chair), lines, lmarcus, lnina. */
  @AfterEach
  void restoreDirectoryCouncil() throws LDAPException {
    if (steps().members("ml-council").contains("lpriya")) {
      directory(COUNCIL_GROUP, ModificationType.DELETE, "lpriya");
    }
    if (!steps().members("ml-council").contains("lclara")) {
      directory(COUNCIL_GROUP, ModificationType.ADD, "lclara");
    }
    if (!steps().members("ml-council-chair").contains("lclara")) {
      directory(CHAIR_GROUP, ModificationType.ADD, "lclara");
    }
    if (steps().members("ml-council-chair").contains("lpriya")) {
      directory(CHAIR_GROUP, ModificationType.DELETE, "lpriya");
    }
  }

  @Test
  void theRotationWaitsUntilTheDirectoryShowsTheConfirmedCouncil() throws LDAPException {
    CouncilItems items = new CouncilItems(runtimeService, taskService, identityService, managementService);
    ProcessInstance openItem = items.request("proposal", "lpaul", "lpaul", "watcher@example.org");
    await().until(() -> items.voteTask(openItem, "lclara") != null);

    ProcessInstance rotation = coverage.track(ActingUser.as(identityService, "lclara",
        () -> runtimeService.startProcessInstanceByKey("council-rotation")));
    steps().complete("lclara", steps().task(rotation, "nominateCouncil"),
        Map.of("nominatedMembers", "lmarcus, lnina, lpriya, lines", "nominatedChair", "lpriya"));
    steps().complete("dana", steps().task(rotation, "confirmCouncilRotation"), Map.of("rotationDecision", "confirm"));

    Task update = steps().task(rotation, "updateDirectoryCouncil");
    assertThat(update).hasCandidateGroup("camunda-admin");
    assertThat(taskService.getVariable(update.getId(), "directoryChanges")).isEqualTo("""
        Add lpriya to ai-council (the platform's ml-council)
        Remove lclara from ai-council (the platform's ml-council)
        Add lpriya to ml-council-chair
        Remove lclara from ml-council-chair""");
    Mailbox.awaitOne("dana.admin@corp.example", "New task: Update council groups in the directory");

    // The administrator says done, but the directory has not changed: nothing is reported.
    steps().complete("dana", update, Map.of("directoryUpdate", "done"));
    Task again = steps().task(rotation, "updateDirectoryCouncil");
    assertThat(taskService.getVariable(again.getId(), "directoryChanges").toString()).contains("Add lpriya to ai-council");
    assertThat(rotation).isNotEnded();
    assertThat(items.voteTask(openItem, "lclara")).as("the departing member keeps her vote for now").isNotNull();

    // Half done: the task lists exactly what is still missing.
    directory(COUNCIL_GROUP, ModificationType.ADD, "lpriya");
    directory(COUNCIL_GROUP, ModificationType.DELETE, "lclara");
    steps().complete("dana", again, Map.of("directoryUpdate", "done"));
    Task rest = steps().task(rotation, "updateDirectoryCouncil");
    assertThat(taskService.getVariable(rest.getId(), "directoryChanges"))
        .isEqualTo("Add lpriya to ml-council-chair\nRemove lclara from ml-council-chair");
    assertThat(Mailbox.messages("paul.lind@corp.example", "The ML Council has rotated")).isEmpty();

    directory(CHAIR_GROUP, ModificationType.ADD, "lpriya");
    directory(CHAIR_GROUP, ModificationType.DELETE, "lclara");
    steps().complete("dana", rest, Map.of("directoryUpdate", "done"));

    await().untilAsserted(() -> assertThat(rotation).isEnded().hasPassed("handOverCouncilVotes", "councilRotated"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(rotation.getId()).count()).isZero();
    assertThat(items.voteTask(openItem, "lpriya")).as("lclara's open vote passed to lpriya").isNotNull();
    assertThat(items.voteTask(openItem, "lclara")).isNull();
    String announcement = Mailbox.text(Mailbox.awaitOne("paul.lind@corp.example", "The ML Council has rotated: lpriya"));
    assertThat(announcement).contains("departing members: lclara");
    runtimeService.deleteProcessInstance(openItem.getId(), "test over");
  }

  private RotationSteps steps() {
    return new RotationSteps(taskService, identityService);
  }

  /** A membership change as the directory's administrator makes it, in the directory itself. */
  private static void directory(String group, ModificationType change, String uid) throws LDAPException {
    LdapTestInfrastructure.directory().modify(group,
        new Modification(change, "member", "uid=" + uid + ",ou=people," + LdapTestInfrastructure.BASE_DN));
  }
}
