package org.mlcouncil.register;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives every item the register has no row for (submitted, or even decided, before the
 * register existed) its row from the engine's history, so an upgraded installation lists its past
 * too, and closes the rows of items whose process an administrator deleted without running its end. Once every item has its row this costs one query per kind of item; a node that loses a race
 * with another node for a row leaves it to the winner.
 */
@Component
public class RegisterBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RegisterBackfill.class);
  private static final Set<String> WAITING_STEPS = Set.of("userTask", "callActivity", "subProcess",
      "intermediateMessageCatch", "intermediateSignalCatch", "intermediateTimer");

  private final HistoryService historyService;
  private final RegisterTable table;

  public RegisterBackfill(HistoryService historyService, RegisterTable table) {
    this.historyService = historyService;
    this.table = table;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = 0;
    for (ItemKind kind : ItemKind.values()) {
      for (String id : table.unlisted(kind)) {
        HistoricProcessInstance item = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
            .singleResult();
        if (item != null && add(kind, item)) {
          added++;
        }
      }
    }
    if (added > 0) {
      log.info("Register: {} items from before the register added from history", added);
    }
    int orphans = table.closeOrphans(ClockUtil.getCurrentTime());
    if (orphans > 0) {
      log.info("Register: {} items whose process was deleted without ending closed as cancelled", orphans);
    }
  }

  private boolean add(ItemKind kind, HistoricProcessInstance item) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(item.getId()).variableNameIn(variableNames(kind)).disableBinaryFetching().list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    RegisterTable.Facts facts = RegisterRecorder.facts(kind, item.getBusinessKey(), item.getId(), variables::get);
    try {
      if (item.getEndTime() != null) {
        RegisterRecorder.Outcome outcome = RegisterRecorder.outcome(variables::get);
        table.insert(facts, RegisterTable.CLOSED, item.getEndTime(), item.getStartTime(), outcome.decision(),
            outcome.rationale(), item.getEndTime());
      } else {
        Optional<HistoricActivityInstance> step = currentStep(item);
        table.insert(facts, step.map(HistoricActivityInstance::getActivityName).orElse("Submitted"),
            step.map(HistoricActivityInstance::getStartTime).orElse(item.getStartTime()), item.getStartTime(),
            null, null, null);
      }
      return true;
    } catch (DuplicateKeyException anotherNode) {
      return false;
    }
  }

  /** The (plain text) variables the register reads of an item of this kind. */
  private static String[] variableNames(ItemKind kind) {
    Set<String> names = new LinkedHashSet<>(RegisterRecorder.OUTCOME_VARIABLES);
    names.addAll(List.of("title", "pod", kind.proposerVariable()));
    names.addAll(kind.texts());
    Stream.of(kind.leadVariable(), kind.teamVariable()).filter(Objects::nonNull).forEach(names::add);
    return names.toArray(String[]::new);
  }

  /** The latest step the item (or its council review) waits in now. */
  private Optional<HistoricActivityInstance> currentStep(HistoricProcessInstance item) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(item.getBusinessKey())
        .unfinished().list().stream()
        .flatMap(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .unfinished().list().stream())
        .filter(step -> WAITING_STEPS.contains(step.getActivityType()) && step.getActivityName() != null)
        .max(Comparator.comparing(HistoricActivityInstance::getStartTime));
  }
}
