package org.mlcouncil.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.directory.Recipients;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code create}) that tells the task's candidates and assignee about a new
 * task, with a deep link to it in Tasklist.
 *
 * <p>The link needs the task id, which exists only once the task does, so the mail cannot be
 * a step before the task. Instead the listener starts {@code task-notification}, whose mail
 * step is asynchronous: the mail goes out after the user's transaction commits, with retries
 * and an incident instead of a failed click.
 */
@Component("announceTask")
public class TaskAnnouncer implements TaskListener {

  static final String PROCESS_KEY = "task-notification";
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  public TaskAnnouncer(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> to = new ArrayList<>();
    if (task.getAssignee() != null) {
      to.add(task.getAssignee());
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        to.add(link.getGroupId() != null ? Recipients.group(link.getGroupId()) : link.getUserId());
      }
    }
    announce(task.getId(), task.getName(), task.getDescription(), task.getDueDate(), task.getVariable("title"),
        task.getExecution().getProcessBusinessKey(), to);
  }

  /** Announces a task that already exists to someone it was handed to, e.g. a new council member. */
  public void announce(Task task, String recipient) {
    String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    announce(task.getId(), task.getName(), task.getDescription(), task.getDueDate(),
        taskService.getVariable(task.getId(), "title"), businessKey, List.of(recipient));
  }

  private void announce(String taskId, String taskName, String description, Date due, Object title,
                        String businessKey, List<String> to) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskId", taskId);
    variables.put("taskName", taskName);
    variables.put("taskDescription", description);
    if (due != null) {
      variables.put("taskDue", DUE.format(due.toInstant()));
    }
    variables.put("title", title);
    variables.put("mailTo", to);
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
  }
}
