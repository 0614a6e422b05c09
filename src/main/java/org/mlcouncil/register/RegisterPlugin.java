package org.mlcouncil.register;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mlcouncil.platform.EngineLists;
import org.springframework.stereotype.Component;

/**
 * Adds the register's listeners to the item processes and the council review whenever the engine
 * parses them (deployment, cache rebuild), instead of every model carrying them: a process owner's
 * next version keeps the register current without knowing of it. A stage is the name of the step
 * an item waits in (a user task, a sub-process, a call activity, an intermediate catch event).
 */
@Component
public class RegisterPlugin extends AbstractProcessEnginePlugin {

  private final RegisterRecorder recorder;

  public RegisterPlugin(RegisterTable table) {
    this.recorder = new RegisterRecorder(table);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostBPMNParseListeners(
        EngineLists.with(configuration.getCustomPostBPMNParseListeners(), new Listeners()));
  }

  private final class Listeners extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
      if (isCouncilReview(definition)) {
        definition.addListener(ExecutionListener.EVENTNAME_END, recorder.councilEnd());
      }
      kind(definition).ifPresent(kind -> definition.addListener(ExecutionListener.EVENTNAME_END, recorder.itemEnd()));
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl start) {
      if (scope instanceof ProcessDefinitionEntity) {
        // After the start event's own listeners, which validate the submission and assign the key.
        kind(start).ifPresent(kind -> start.addListener(ExecutionListener.EVENTNAME_END,
            recorder.itemStage(kind, "Submitted")));
      }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl task) {
      stage(element, task);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl subProcess) {
      stage(element, subProcess);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl callActivity) {
      stage(element, callActivity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl event) {
      stage(element, event);
    }

    private void stage(Element element, ActivityImpl activity) {
      String name = element.attribute("name") == null ? activity.getId() : element.attribute("name");
      if (isCouncilReview(activity.getProcessDefinition())) {
        activity.addListener(ExecutionListener.EVENTNAME_START, recorder.councilStage(name));
      }
      kind(activity).ifPresent(kind -> activity.addListener(ExecutionListener.EVENTNAME_START,
          recorder.itemStage(kind, name)));
    }

    private Optional<ItemKind> kind(ActivityImpl activity) {
      return kind(activity.getProcessDefinition());
    }

    private Optional<ItemKind> kind(Object definition) {
      return definition instanceof ProcessDefinitionEntity entity ? ItemKind.ofProcess(entity.getKey())
          : Optional.empty();
    }

    private boolean isCouncilReview(Object definition) {
      return definition instanceof ProcessDefinitionEntity entity
          && RegisterRecorder.COUNCIL_REVIEW.equals(entity.getKey());
    }
  }
}
