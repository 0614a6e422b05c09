package org.mlcouncil.integrity;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.mlcouncil.platform.Administrators;
import org.mlcouncil.platform.CommandFields;
import org.mlcouncil.submission.InvalidSubmissionException;

/**
 * The engine's gate for what a person may send, whichever API they use (Tasklist, Cockpit,
 * {@code /engine-rest}, the Java API on their behalf). Camunda's authorizations decide
 * <em>whether</em> someone may start, complete or correlate; this decides <em>what</em> they may
 * send while doing it: a start begins at the start event with the start form's fields and no
 * business key of their choosing; a task completion carries its own form's fields; nobody but
 * an administrator writes variables directly or sends them with messages and signals.
 * Identity, votes and decisions are thus only ever what the process itself recorded.
 *
 * <p>Only the outermost command of a logged-in non-administrator is checked: the engine's own
 * work (job executor, listeners, delegates calling services) runs inside a command or without
 * a user, and administrators repair things on purpose.
 */
class IntegrityGuard extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;
  private final Administrators administrators;
  private final DeployedForms forms;

  IntegrityGuard(ProcessEngineConfigurationImpl configuration, DeployedForms forms) {
    this.configuration = configuration;
    this.administrators = new Administrators(configuration);
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    if (isRestricted(configuration.getIdentityService().getCurrentAuthentication())) {
      check(command);
    }
    try {
      return next.execute(command);
    } catch (RuntimeException failure) {
      labelRefusal(command, failure);
      throw failure;
    }
  }

  /**
   * A submission refused by the process's own checks names its fields by variable name; here the
   * form the person filled in is known, so the refusal learns the form's labels for Tasklist.
   */
  private void labelRefusal(Command<?> command, RuntimeException failure) {
    InvalidSubmissionException refusal = null;
    for (Throwable cause = failure; cause != null && refusal == null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      refusal = cause instanceof InvalidSubmissionException invalid ? invalid : null;
    }
    if (refusal == null) {
      return;
    }
    FormFields form;
    if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = CommandFields.read(start, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
      form = forms.ofStart(builder.getProcessDefinitionId() != null ? builder.getProcessDefinitionId()
          : forms.latestDefinitionId(builder.getProcessDefinitionKey()));
    } else if (command instanceof SubmitStartFormCmd submit) {
      form = forms.ofStart(CommandFields.read(submit, "processDefinitionId", String.class));
    } else if (command instanceof CompleteTaskCmd complete) {
      form = forms.ofTask(CommandFields.read(complete, "taskId", String.class));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      form = forms.ofTask(CommandFields.read(submit, "taskId", String.class));
    } else {
      return;
    }
    refusal.useLabels(form.labels());
  }

  private boolean isRestricted(Authentication caller) {
    return caller != null && caller.getUserId() != null && !administrators.include(caller);
  }

  private void check(Command<?> command) {
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw adminsOnly("Starting a process anywhere but its start event");
    } else if (command instanceof StartProcessInstanceCmd start) {
      checkStart(CommandFields.read(start, "instantiationBuilder", ProcessInstantiationBuilderImpl.class));
    } else if (command instanceof SubmitStartFormCmd submit) {
      checkBusinessKey(CommandFields.read(submit, "businessKey", String.class));
      FormSubmission.check("the start form", forms.ofStart(CommandFields.read(submit, "processDefinitionId", String.class)),
          CommandFields.variables(submit, "variables"));
    } else if (command instanceof CompleteTaskCmd complete) {
      checkTask(CommandFields.read(complete, "taskId", String.class), CommandFields.variables(complete, "variables"));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkTask(CommandFields.read(submit, "taskId", String.class), CommandFields.variables(submit, "properties"));
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      // No model catches these on a user task; uncaught, a BPMN error would end the review unanswered.
      throw adminsOnly("Ending a task with a BPMN error or escalation");
    } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      throw adminsOnly("Writing process or task variables directly (complete the task with its form instead)");
    } else if (command instanceof AbstractCorrelateMessageCmd correlate) {
      MessageCorrelationBuilderImpl builder = CommandFields.read(correlate, "builder", MessageCorrelationBuilderImpl.class);
      refuseValues("A message", builder.getPayloadProcessInstanceVariables(), builder.getPayloadProcessInstanceVariablesLocal(),
          builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    } else if (command instanceof SignalEventReceivedCmd signal) {
      refuseValues("A signal", CommandFields.read(signal, "builder", SignalEventReceivedBuilderImpl.class).getVariables());
    }
  }

  private void checkStart(ProcessInstantiationBuilderImpl start) {
    ProcessInstanceModificationBuilderImpl modification = start.getModificationBuilder();
    if (!modification.getModificationOperations().isEmpty() || modification.isSkipCustomListeners()
        || modification.isSkipIoMappings()) {
      throw adminsOnly("Starting a process anywhere but its start event, or without its listeners");
    }
    checkBusinessKey(start.getBusinessKey());
    String definitionId = start.getProcessDefinitionId() != null ? start.getProcessDefinitionId()
        : forms.latestDefinitionId(start.getProcessDefinitionKey());
    FormSubmission.check("the start form", forms.ofStart(definitionId), start.getVariables());
  }

  private void checkTask(String taskId, Map<String, Object> variables) {
    if (variables != null && !variables.isEmpty()) {
      FormSubmission.check("this task", forms.ofTask(taskId), variables);
    }
  }

  private static void checkBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isBlank()) {
      throw new BadUserRequestException("businessKey: the platform assigns business keys; leave it empty (got '"
          + FormSubmission.abbreviate(businessKey, 40) + "')");
    }
  }

  @SafeVarargs
  private static void refuseValues(String what, Map<String, ?>... maps) {
    for (Map<String, ?> map : maps) {
      if (map != null && !map.isEmpty()) {
        throw adminsOnly(what + " carrying variables");
      }
    }
  }

  private static AuthorizationException adminsOnly(String what) {
    return new AuthorizationException(what + " is for administrators only.");
  }
}
