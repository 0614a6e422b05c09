package org.mlcouncil.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.FlowNodeCoverage;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A process owner's deployment over the REST API, as Camunda Modeler sends it, waits for a
 * second process owner or an administrator; an administrator deploys directly; both are recorded.
 */
@IntegrationTest
class DeploymentReviewIT {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("deployment-review");

  /** What a deployed model could do with the engine's rights, had nobody reviewed it. */
  private static final String ESCALATION =
      "${execution.processEngineServices.identityService.createMembership('olivia','camunda-admin')}";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void processOwnersDeploymentWaitsForASecondProcessOwnerWhoApprovesIt() {
    ResponseEntity<Map<String, Object>> submitted = EngineRest.deploy(rest, "olivia", "review-probe-approved",
        Map.of("review-probe-approved.bpmn", DeploymentData.model("review-probe-approved", "")));

    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String businessKey = (String) submitted.getBody().get("businessKey");
    assertThat(businessKey).matches("DEP-\\d{4}-\\d{4}");
    assertThat((String) submitted.getBody().get("message")).contains("Not deployed yet: " + businessKey);
    assertThat(definitions("review-probe-approved")).isEmpty();

    ProcessInstance review = review(businessKey);
    assertThat(runtimeService.getVariable(review.getId(), "submitter")).isEqualTo("olivia");
    assertThat((String) runtimeService.getVariable(review.getId(), "changeSummary"))
        .contains("- review-probe-approved.bpmn: NEW").contains("SHA-256 ");
    Mailbox.awaitOne("olivia@mlcouncil.example", "Your deployment awaits review: review-probe-approved ("
        + businessKey + ")");
    Task task = awaitReviewTask(review);
    assertThat(task).hasCandidateGroup("process-owners").hasCandidateGroup("camunda-admin");

    ResponseEntity<String> ownClaim = post("olivia", "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", "olivia"));
    assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ownClaim.getBody()).contains("Four-eyes rule: olivia is the submitter of " + businessKey);
    ResponseEntity<String> ownApproval = complete("olivia", task, Map.of("deploymentDecision", "approve"));
    assertThat(ownApproval.getStatusCode().is4xxClientError()).isTrue();
    assertThat(ownApproval.getBody()).contains("olivia is the submitter of " + businessKey);
    ResponseEntity<String> assignedToHer = post("demo", "/engine-rest/task/" + task.getId() + "/assignee",
        Map.of("userId", "olivia"));
    assertThat(assignedToHer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(definitions("review-probe-approved")).isEmpty();

    assertThat(post("oscar", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "oscar"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete("oscar", task, Map.of("deploymentDecision", "approve")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    List<ProcessDefinition> deployed = definitions("review-probe-approved");
    assertThat(deployed).hasSize(1);
    Deployment deployment = repositoryService.createDeploymentQuery()
        .deploymentId(deployed.get(0).getDeploymentId()).singleResult();
    assertThat(deployment.getName()).isEqualTo("ml-council-review-" + businessKey);
    assertThat(deployment.getSource()).isEqualTo(businessKey + ": submitted by olivia, approved by oscar");
    String approval = Mailbox.text(Mailbox.awaitOne("olivia@mlcouncil.example",
        "Deployment approved and active: review-probe-approved (" + businessKey + ")"));
    assertThat(approval).contains("approved by oscar").contains(deployment.getId());
    await().untilAsserted(() -> assertThat(review).isEnded().hasPassed("deploymentActive"));
    HistoricProcessInstance record = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(review.getId()).singleResult();
    assertThat(variable(record, "reviewer")).isEqualTo("oscar");
  }

  @Test
  void reviewerSeesTheCodeAChangeAddsAndARejectionDeploysNothing() throws Exception {
    long mailCheckVersions = definitions("platform-mail-check").size();
    String changed = new ClassPathResource("bpmn/platform-mail-check.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("camunda:type=\"external\" camunda:topic=\"mail\"", "camunda:expression=\"" + ESCALATION + "\"");
    String businessKey = (String) EngineRest.deploy(rest, "olivia", "platform-mail-check",
            Map.of("platform-mail-check.bpmn", changed.getBytes(StandardCharsets.UTF_8),
                "review-probe.form", "{\"components\": []}".getBytes(StandardCharsets.UTF_8)))
        .getBody().get("businessKey");
    ProcessInstance review = review(businessKey);
    String summary = (String) runtimeService.getVariable(review.getId(), "changeSummary");
    assertThat(summary)
        .contains("- platform-mail-check.bpmn: CHANGED").contains("/bpmn/platform-mail-check.bpmn)")
        .contains("- review-probe.form: NEW")
        .contains("Code not in the deployed version:\n    " + ESCALATION + "\n")
        .doesNotContain("${recipient}");
    Task task = awaitReviewTask(review);

    ResponseEntity<String> withoutReason = complete("demo", task, Map.of("deploymentDecision", "reject"));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody()).contains("reviewComment: say why you reject");
    assertThat(complete("demo", task, Map.of("deploymentDecision", "reject",
        "reviewComment", "It makes olivia an administrator.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    await().untilAsserted(() -> assertThat(review).isEnded().hasPassed("deploymentRejected"));
    assertThat(definitions("platform-mail-check")).hasSize((int) mailCheckVersions);
    String rejection = Mailbox.text(Mailbox.awaitOne("olivia@mlcouncil.example",
        "Deployment rejected: platform-mail-check (" + businessKey + ")"));
    assertThat(rejection).contains("rejected by demo").contains("Reason: It makes olivia an administrator.");
  }

  @Test
  void administratorDeploysDirectlyAndTheDeploymentIsRecorded() {
    ResponseEntity<Map<String, Object>> deployed = EngineRest.deploy(rest, "demo", "review-probe-direct",
        Map.of("review-probe-direct.bpmn", DeploymentData.model("review-probe-direct", "")));

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions("review-probe-direct")).hasSize(1);
    HistoricProcessInstance record = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DeploymentReviews.PROCESS_KEY)
        .variableValueEquals("deploymentId", deployed.getBody().get("id")).singleResult();
    coverage.track(record.getId());
    assertThat(record.getEndActivityId()).isEqualTo("directDeploymentRecorded");
    assertThat(variable(record, "submitter")).isEqualTo("demo");
    assertThat((String) variable(record, "changeSummary")).contains("- review-probe-direct.bpmn: NEW");
  }

  @Test
  void othersAreRefusedAndUnchangedBrokenOrOversizedDeploymentsAreNotReviewed() throws Exception {
    ResponseEntity<Map<String, Object>> practitioner = EngineRest.deploy(rest, "paul", "review-probe-paul",
        Map.of("review-probe-paul.bpmn", DeploymentData.model("review-probe-paul", "")));
    assertThat(practitioner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) practitioner.getBody().get("message")).contains("paul may not deploy");
    assertThat(definitions("review-probe-paul")).isEmpty();

    byte[] shipped = new ClassPathResource("bpmn/platform-mail-check.bpmn").getContentAsByteArray();
    ResponseEntity<Map<String, Object>> unchanged = EngineRest.deploy(rest, "olivia", "platform-mail-check",
        Map.of("platform-mail-check.bpmn", shipped));
    assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unchanged.getBody().get("message")).startsWith("Nothing to review");

    ResponseEntity<Map<String, Object>> broken = EngineRest.deploy(rest, "olivia", "broken",
        Map.of("broken.bpmn", "<not-bpmn/>".getBytes(StandardCharsets.UTF_8)));
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) broken.getBody().get("message")).startsWith("broken.bpmn is no valid BPMN model");

    ResponseEntity<Map<String, Object>> oversized = EngineRest.deploy(rest, "olivia", "huge",
        Map.of("huge.bpmn", new byte[DeploymentReviewFilter.MAX_BYTES]));
    assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) oversized.getBody().get("message")).contains("larger than 2 MB");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DeploymentReviews.PROCESS_KEY)
        .variableValueEquals("deploymentName", "huge").count()).isZero();
  }

  private ProcessInstance review(String businessKey) {
    ProcessInstance review = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(DeploymentReviews.PROCESS_KEY).processInstanceBusinessKey(businessKey).singleResult();
    return coverage.track(review);
  }

  private Task awaitReviewTask(ProcessInstance review) {
    await().untilAsserted(() -> assertThat(review).isWaitingAt("reviewDeployment"));
    return taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
  }

  private List<ProcessDefinition> definitions(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).list();
  }

  private Object variable(HistoricProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private ResponseEntity<String> complete(String user, Task task, Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, String.class);
  }
}
