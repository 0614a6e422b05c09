package org.mlcouncil.notification;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps of each task announcement ({@value TaskAnnouncer#PROCESS_KEY}, one instance per created
 * task) the history anyone reads: the instance itself, its mail's external task log (the item's
 * timeline shows when the mail went out), its incidents and the recipients it could not reach.
 * Its activities and the variables it was started with repeat the task they announce and are not
 * written: they were a third of the rows the benchmark's proposal lifecycle wrote to history.
 */
@Component
public class AnnouncementHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  static boolean isKept(HistoryEvent event) {
    if (!TaskAnnouncer.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
      return true;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return MailDelivery.UNREACHABLE.equals(variable.getVariableName());
    }
    return !(event instanceof HistoricActivityInstanceEventEntity);
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
      List<HistoryEvent> kept = events.stream().filter(AnnouncementHistory::isKept).toList();
      if (!kept.isEmpty()) {
        next.handleEvents(kept);
      }
    }
  }
}
