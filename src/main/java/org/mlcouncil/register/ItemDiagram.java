package org.mlcouncil.register;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An item's process diagram with where it stands marked: the activities it waits in now (or the end
 * it reached) and those it has passed, read from the history of the item's own process instance.
 */
@Component
public class ItemDiagram {

  /** Enough for every step of an item that went round the amendment loop many times; bounds the query. */
  static final int MAX_STEPS = 500;
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  /** Deployed definitions never change, so each one's drawing is made once; there are only a few of them. */
  private final Map<String, String> drawings = new ConcurrentHashMap<>();

  public ItemDiagram(RepositoryService repositoryService, HistoryService historyService) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
  }

  /** The SVG, or empty when the item's history is gone (history cleanup) and so is its position. */
  public Optional<String> of(RegisterItem item) {
    ItemKind kind = ItemKind.ofLabel(item.kind()).orElseThrow();
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(item.key()).processDefinitionKey(kind.processKey())
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = instances.get(0);
    Set<String> now = new HashSet<>();
    Set<String> passed = new HashSet<>();
    // Newest first: in a finished instance the first end event met is the end it reached; a finished
    // sub-process's end events and a reminder path's end are older.
    boolean lookingForEnd = instance.getEndTime() != null;
    for (HistoricActivityInstance step : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().desc()
        .orderPartiallyByOccurrence().desc().listPage(0, MAX_STEPS)) {
      String activity = step.getActivityId().replace(MULTI_INSTANCE_BODY, "");
      boolean endReached = lookingForEnd && step.getActivityType().endsWith("EndEvent");
      lookingForEnd &= !endReached;
      (step.getEndTime() == null || endReached ? now : passed).add(activity);
    }
    String drawing = drawings.computeIfAbsent(instance.getProcessDefinitionId(),
        definition -> DiagramSvg.render(repositoryService.getBpmnModelInstance(definition)));
    return Optional.of(DiagramSvg.mark(drawing, now, passed));
  }
}
