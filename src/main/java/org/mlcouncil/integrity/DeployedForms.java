package org.mlcouncil.integrity;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The deployed form of a process's start or of a task, read by the engine itself (whoever asks)
 * and kept per process definition: a deployed definition and its forms never change.
 */
class DeployedForms {

  private final ProcessEngineConfigurationImpl configuration;
  private final Map<String, FormFields> cache = new ConcurrentHashMap<>();

  DeployedForms(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** The engine's own executor, which exists once the engine is built. */
  private CommandExecutor engine() {
    return configuration.getCommandExecutorTxRequired();
  }

  FormFields ofStart(String processDefinitionId) {
    if (processDefinitionId == null) {
      return FormFields.NONE;
    }
    return cache.computeIfAbsent("start:" + processDefinitionId, key -> engine().execute(context -> {
      context.disableAuthorizationCheck();
      ProcessDefinitionEntity definition = context.getProcessDefinitionManager().findLatestDefinitionById(processDefinitionId);
      if (definition == null) {
        throw new NotFoundException("No process definition " + FormSubmission.abbreviate(processDefinitionId, 80));
      }
      return read(() -> new GetDeployedStartFormCmd(processDefinitionId).execute(context));
    }));
  }

  FormFields ofTask(String taskId) {
    return engine().execute(context -> {
      context.disableAuthorizationCheck();
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        // Let the command itself answer as Camunda does.
        return FormFields.NONE;
      }
      if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
        return read(() -> new GetDeployedTaskFormCmd(taskId).execute(context));
      }
      return cache.computeIfAbsent("task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(),
          key -> read(() -> new GetDeployedTaskFormCmd(taskId).execute(context)));
    });
  }

  String latestDefinitionId(String processDefinitionKey) {
    return engine().execute(context -> {
      context.disableAuthorizationCheck();
      ProcessDefinitionEntity definition = processDefinitionKey == null ? null
          : context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processDefinitionKey);
      return definition == null ? null : definition.getId();
    });
  }

  /** A start or task without a deployed form accepts no values. */
  private static FormFields read(Supplier<InputStream> form) {
    try {
      return FormFields.read(form.get());
    } catch (BadUserRequestException e) {
      // also NotFoundException: no form deployed
      return FormFields.NONE;
    }
  }
}
