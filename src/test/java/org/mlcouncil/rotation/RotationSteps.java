package org.mlcouncil.rotation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.support.ActingUser;

/** What both rotation tests do to a rotation, on the engine of their own context (local users or the directory). */
record RotationSteps(TaskService taskService, IdentityService identityService) {

  void complete(String user, Task task, Map<String, Object> form) {
    ActingUser.as(identityService, user, () -> {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), form);
    });
  }

  Task task(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  List<String> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }
}
