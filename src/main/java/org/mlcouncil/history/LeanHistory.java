package org.mlcouncil.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.mlcouncil.notification.MailComposer;
import org.mlcouncil.notification.TaskAnnouncer;
import org.mlcouncil.proposal.screening.Screening;
import org.springframework.stereotype.Component;

/**
 * Full history, less what nobody reads, on which the benchmark's proposal lifecycle spent most of
 * its history rows:
 * <ul>
 *   <li>of each announcement handed to a {@value TaskAnnouncer#PROCESS_KEY} instance after its
 *   first try failed only the instance, its mail's external task log (the tries, for operators;
 *   the announcement's row records when the mail went out), its incidents and whom it could not
 *   reach ({@value MailComposer#UNREACHABLE}): its steps and the variables it was started with
 *   repeat the task or step it announces;</li>
 *   <li>no multi-instance counters ({@code nrOfInstances}, {@code loopCounter}, …): the engine
 *   rewrites them at every review and vote, and the reviews and votes themselves are kept;</li>
 *   <li>the change log of variables (historic details) only for an item's own variables, those
 *   of the process instance itself, which show amendments, reviews, votes and screening rounds in
 *   the register: not for a task's form fields, whether kept on the task or on the step's own
 *   scope by its input mapping (a review's decision and scores, a vote, a multi-instance
 *   element), whose last values are kept and which a review or vote records on the item anyway,
 *   and not for {@value Screening#FINDINGS}, which each check of a screening rewrites and whose
 *   summary's log shows the rounds.</li>
 * </ul>
 */
@Component
public class LeanHistory extends AbstractProcessEnginePlugin {

  private static final Set<String> COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances", "loopCounter");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new LeanDbHistoryEventHandler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setHistoryEventHandler(new Filter(new CompositeHistoryEventHandler(handlers)));
  }

  static boolean isKept(HistoryEvent event) {
    boolean announcement = TaskAnnouncer.PROCESS_KEY.equals(event.getProcessDefinitionKey());
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      String name = variable.getVariableName();
      return announcement ? MailComposer.UNREACHABLE.equals(name) : !COUNTERS.contains(name);
    }
    return !(announcement && event instanceof HistoricActivityInstanceEventEntity);
  }

  static boolean keepsDetail(HistoricVariableUpdateEventEntity variable) {
    return variable.getTaskId() == null && Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId())
        && !Screening.FINDINGS.equals(variable.getVariableName());
  }

  private record Filter(HistoryEventHandler next) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (isKept(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      List<HistoryEvent> kept = events.stream().filter(LeanHistory::isKept).toList();
      if (!kept.isEmpty()) {
        next.handleEvents(kept);
      }
    }
  }

  private static final class LeanDbHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity variable) {
      return super.shouldWriteHistoricDetail(variable) && keepsDetail(variable);
    }
  }
}
