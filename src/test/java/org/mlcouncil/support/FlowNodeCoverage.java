package org.mlcouncil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * A coverage gate that can fail: every flow node of a process model must have been entered by
 * the given process instances, read from Camunda's own history. The coverage library's HTML
 * report shows the same paths, sequence flows included, for a person to look at.
 */
public final class FlowNodeCoverage {

  private FlowNodeCoverage() {
  }

  public static void assertEveryFlowNodeVisited(RepositoryService repositoryService, HistoryService historyService,
                                                String processKey, Collection<String> processInstanceIds) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    Set<String> modelled = repositoryService.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> visited = processInstanceIds.stream()
        .flatMap(id -> historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
        .map(HistoricActivityInstance::getActivityId)
        .map(id -> id.replace("#multiInstanceBody", ""))
        .collect(Collectors.toSet());
    modelled.removeAll(visited);
    assertThat(modelled).as("flow nodes of %s that no test visited", processKey).isEmpty();
  }
}
