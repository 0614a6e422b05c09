package org.mlcouncil.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.PropertyKey;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The form fields of a user task that its own {@code complete} listener records, such as a pod
 * lead's review or a council member's vote, live only while the task is being completed: they
 * are Camunda transient variables on the task's own scope, never written to the database.
 *
 * <p>A task lists them in its extension property {@value #PROPERTY} (comma-separated names, set in
 * the Modeler under Extension properties). When such a task is completed, through Tasklist's
 * form, {@code /task/{id}/complete} or the Java API, the listed names are declared transient on
 * the task's execution and the values sent for them are made transient, so they land there and
 * nowhere else: parallel reviewers never see or overwrite each other's, and nothing reaches the
 * process instance. Before this, an input mapping created each field empty on the step's scope
 * with the task and the completion updated it: an insert, an update and a delete of the variable
 * and of its history per field, 28 fields per proposal.
 *
 * <p>A task without the property (and every task of a process version deployed before it) keeps
 * what it is sent as before.
 */
@Component
public class TransientFormFields extends AbstractProcessEnginePlugin {

  public static final String PROPERTY = "transientFields";

  /** Where a parsed task keeps them: the engine keeps a user task's extension properties nowhere. */
  private static final PropertyKey<Set<String>> FIELDS = new PropertyKey<>("mlcTransientFields");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // After the command context exists: the task and its execution are the ones the command then uses.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        EngineLists.with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Declare()));
    configuration.setCustomPostBPMNParseListeners(EngineLists.with(configuration.getCustomPostBPMNParseListeners(), new Parse()));
  }

  private static final class Parse extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      Element extensions = element.element("extensionElements");
      Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return;
      }
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (PROPERTY.equals(property.attribute("name"))) {
          activity.getProperties().set(FIELDS, names(property.attribute("value")));
        }
      }
    }
  }

  /** The names a task's {@value #PROPERTY} lists, none if it has none. */
  static Set<String> of(ActivityImpl activity) {
    Set<String> fields = activity == null ? null : activity.getProperties().get(FIELDS);
    return fields == null ? Set.of() : fields;
  }

  static Set<String> names(String list) {
    return list == null ? Set.of() : Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The same value, transient; a value that is not a plain one (text, number, boolean, date) is refused. */
  static TypedValue asTransient(String name, Object value) {
    if (!(value instanceof TypedValue typed)) {
      return Variables.untypedValue(value, true);
    }
    if (typed.isTransient()) {
      return typed;
    }
    ValueType type = typed.getType();
    if (type == null) {
      return Variables.untypedValue(typed.getValue(), true);
    }
    if (!type.isPrimitiveValueType()) {
      throw new BadUserRequestException(name + ": values of type " + type.getName() + " are not accepted here");
    }
    return type.createValue(typed.getValue(), Map.of(ValueType.VALUE_INFO_TRANSIENT, true));
  }

  static final class Declare extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CompleteTaskCmd) {
        declare(command, "variables");
      } else if (command instanceof SubmitTaskFormCmd) {
        declare(command, "properties");
      }
      return next.execute(command);
    }

    private static void declare(Command<?> command, String variablesField) {
      String taskId = CommandFields.read(command, "taskId", String.class);
      // No task: the command itself answers as Camunda does.
      TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
      ExecutionEntity execution = task == null ? null : task.getExecution();
      Set<String> fields = execution == null ? Set.of() : of(execution.getActivity());
      if (fields.isEmpty()) {
        return;
      }
      fields.forEach(field -> execution.setVariableLocal(field, Variables.untypedNullValue(true)));
      Map<String, Object> sent = CommandFields.variables(command, variablesField);
      if (sent == null || fields.stream().noneMatch(sent::containsKey)) {
        return;
      }
      // A copy: the caller's map may be immutable, and a retried command must find the same values.
      VariableMapImpl values = new VariableMapImpl();
      for (String name : sent.keySet()) {
        // Typed as sent: a VariableMap hands out plain values otherwise, losing e.g. a JSON value's format.
        Object value = sent instanceof VariableMap typed ? typed.getValueTyped(name) : sent.get(name);
        values.put(name, fields.contains(name) ? asTransient(name, value) : value);
      }
      CommandFields.write(command, variablesField, values);
    }
  }
}
