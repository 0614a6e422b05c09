package org.mlcouncil.tasklist;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mlcouncil.platform.EngineLists;
import org.mlcouncil.register.ItemKind;
import org.springframework.stereotype.Component;

/**
 * Adds {@link ItemTaskName} to every user task of the item processes and the council review
 * whenever the engine parses them, instead of every model carrying it: a task a process owner
 * adds in the Modeler names its item too.
 */
@Component
public class TaskNamePlugin extends AbstractProcessEnginePlugin {

  private static final String COUNCIL_REVIEW = "council-review";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostBPMNParseListeners(
        EngineLists.with(configuration.getCustomPostBPMNParseListeners(), new Listener()));
  }

  private static final class Listener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl task) {
      String titleVariable = task.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          ? titleVariable(definition.getKey()) : null;
      if (titleVariable != null && task.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        // Built in: runs before the model's create listeners, so the "New task" mail sees the new name.
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            new ItemTaskName(titleVariable));
      }
    }

    /** Where the process keeps its item's title, or {@code null} for a process not about an item. */
    private static String titleVariable(String processKey) {
      if (ItemKind.ofProcess(processKey).isPresent()) {
        return "title";
      }
      return COUNCIL_REVIEW.equals(processKey) ? "itemTitle" : null;
    }
  }
}
