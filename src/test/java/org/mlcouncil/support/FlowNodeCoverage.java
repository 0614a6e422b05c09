package org.mlcouncil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a process test class on the shared Spring context, registered as a static
 * {@code @RegisterExtension} field: binds camunda-bpm-assert to the context's engine around each
 * test, and is a coverage gate that can fail: after the class, every flow node of the named
 * processes must have been entered by the instances the tests {@link #track tracked}, read from
 * Camunda's own history. The coverage library's HTML report shows the same paths, sequence flows
 * included, for a person to look at.
 */
public final class FlowNodeCoverage implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final List<String> processKeys;
  private final Set<String> coveredElsewhere;
  private final List<String> tracked = new ArrayList<>();

  private FlowNodeCoverage(List<String> processKeys, Set<String> coveredElsewhere) {
    this.processKeys = processKeys;
    this.coveredElsewhere = coveredElsewhere;
  }

  public static FlowNodeCoverage of(String... processKeys) {
    return new FlowNodeCoverage(List.of(processKeys), Set.of());
  }

  /**
   * The same gate without flow nodes that only another Spring context can reach (e.g. the path a
   * rotation takes when a directory keeps the groups), whose own test class gates them.
   */
  public FlowNodeCoverage except(String... flowNodeIds) {
    return new FlowNodeCoverage(processKeys, Set.of(flowNodeIds));
  }

  public <T extends ProcessInstance> T track(T instance) {
    track(instance.getId());
    return instance;
  }

  public void track(String processInstanceId) {
    tracked.add(processInstanceId);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    EngineOfThisTest.bind(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    EngineOfThisTest.unbind();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    for (String processKey : processKeys) {
      assertThat(unvisited(engine.getRepositoryService(), engine.getHistoryService(), processKey))
          .as("flow nodes of %s that no test visited", processKey).isEmpty();
    }
  }

  private Set<String> unvisited(RepositoryService repositoryService, HistoryService historyService, String processKey) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    Set<String> modelled = repositoryService.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> visited = tracked.stream()
        .flatMap(id -> historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
        .filter(activity -> processKey.equals(activity.getProcessDefinitionKey()))
        .map(HistoricActivityInstance::getActivityId)
        .map(id -> id.replace("#multiInstanceBody", ""))
        .collect(Collectors.toSet());
    modelled.removeAll(visited);
    modelled.removeAll(coveredElsewhere);
    return modelled;
  }
}
