package org.mlcouncil.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlcouncil.deployment.ResourceChange.Status;

/** What a reviewer is shown: the code a model adds, and a summary that fits a process variable. */
class DeploymentChangesTest {

  private static final String DEPLOYED = """
      <bpmn:serviceTask id="send" camunda:delegateExpression="${sendMail}">
        <camunda:failedJobRetryTimeCycle>${sendMail.retryCycle}</camunda:failedJobRetryTimeCycle>
      </bpmn:serviceTask>
      <bpmn:conditionExpression>${decision == &apos;approve&apos;}</bpmn:conditionExpression>""";

  @Test
  void onlyCodeTheDeployedModelLacksIsReported() {
    String proposed = DEPLOYED + """
        <bpmn:serviceTask id="grant" camunda:expression="${execution.processEngineServices.identityService.createMembership(&apos;olivia&apos;,&apos;camunda-admin&apos;)}" />
        <bpmn:serviceTask id="run" camunda:class="com.example.Anything" />
        <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script><![CDATA[
          execution.getProcessEngineServices().getIdentityService()
        ]]></bpmn:script></bpmn:scriptTask>
        <camunda:executionListener><camunda:script scriptFormat="groovy" resource="deployment://evil.groovy" /></camunda:executionListener>
        <bpmn:conditionExpression>#{decision == 'approve' &amp;&amp; true}</bpmn:conditionExpression>""";

    assertThat(ModelCode.added(proposed, DEPLOYED)).containsExactly(
        "${execution.processEngineServices.identityService.createMembership('olivia','camunda-admin')}",
        "#{decision == 'approve' && true}",
        "class com.example.Anything",
        "resource deployment://evil.groovy",
        "script execution.getProcessEngineServices().getIdentityService()");
    assertThat(ModelCode.added(DEPLOYED, DEPLOYED)).isEmpty();
    assertThat(ModelCode.added(DEPLOYED, null)).containsExactly(
        "${sendMail}", "${sendMail.retryCycle}", "${decision == 'approve'}");
  }

  @Test
  void summaryListsEveryResourceAndSaysWhenItIsCut() {
    ChangeReport report = new ChangeReport(List.of(
        new ResourceChange("a.bpmn", Status.CHANGED, 120, "ab12", "dep-1/bpmn/a.bpmn", List.of("${bean.call()}")),
        new ResourceChange("a.form", Status.UNCHANGED, 40, "cd34", "dep-1/forms/a.form", List.of())));

    assertThat(report.changesAnything()).isTrue();
    assertThat(report.summary()).isEqualTo("""
        - a.bpmn: CHANGED, 120 bytes, SHA-256 ab12 (compared with dep-1/bpmn/a.bpmn)
          Code not in the deployed version:
            ${bean.call()}
        - a.form: UNCHANGED, 40 bytes, SHA-256 cd34 (compared with dep-1/forms/a.form)
        """);

    List<String> manyExpressions = IntStream.range(0, 500).mapToObj(i -> "${bean.call" + i + "()}").toList();
    String cut = new ChangeReport(List.of(new ResourceChange("big.bpmn", Status.NEW, 1, "ef56", null,
        manyExpressions))).summary();
    assertThat(cut).hasSizeLessThanOrEqualTo(ChangeReport.MAX_SUMMARY).endsWith("before approving.]");
    assertThat(new ChangeReport(Collections.nCopies(2, new ResourceChange("same.form", Status.UNCHANGED, 1, "00",
        "dep/same.form", List.of()))).changesAnything()).isFalse();
  }
}
