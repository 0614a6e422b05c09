package org.mlcouncil.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.tasklist.ItemTaskName;
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

  public static final String PROCESS_KEY = "task-notification";
  static final String TASK_CREATED = "task-created";
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
    announce(task, TASK_CREATED, Map.of());
  }

  /**
   * Announces a new task with the given mail template; {@code details} are further variables
   * the template reads (e.g. why an item came back).
   */
  void announce(DelegateTask task, String template, Map<String, Object> details) {
    List<String> to = new ArrayList<>();
    if (task.getAssignee() != null) {
      to.add(task.getAssignee());
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        to.add(link.getGroupId() != null ? Recipients.group(link.getGroupId()) : link.getUserId());
      }
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    Map<String, Object> variables = variables(task.getId(), ItemTaskName.action(task.getName(), businessKey),
        task.getDescription(), task.getDueDate(), to);
    variables.putAll(item(task::getVariable, task.getProcessDefinitionId()));
    variables.putAll(details);
    start(template, businessKey, variables);
  }

  /** Announces a task that already exists to someone it was handed to, e.g. a new council member. */
  public void announce(Task task, String recipient) {
    String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Map<String, Object> variables = variables(task.getId(), ItemTaskName.action(task.getName(), businessKey),
        task.getDescription(), task.getDueDate(), List.of(recipient));
    variables.putAll(item(name -> taskService.getVariable(task.getId(), name), task.getProcessDefinitionId()));
    start(TASK_CREATED, businessKey, variables);
  }

  /** {@code taskName} is what the task asks ("Review proposal"): the mail names the item itself. */
  private static Map<String, Object> variables(String taskId, String taskName, String description, Date due,
                                               List<String> to) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskId", taskId);
    variables.put("taskName", taskName);
    // Each variable is a row written and deleted again: only what the mail has.
    if (description != null) {
      variables.put("taskDescription", description);
    }
    if (due != null) {
      variables.put("taskDue", DUE.format(due.toInstant()));
    }
    // One text the mail step splits, not a list: a list is stored as a JSON byte array, one more
    // row to write, read and delete for every announcement.
    variables.put("mailTo", String.join(",", to));
    return variables;
  }

  /**
   * What the task is about: the item's title and kind, wherever its process keeps them (an item,
   * its council review, a deployment under review).
   */
  private static Map<String, Object> item(Function<String, Object> variable, String processDefinitionId) {
    Map<String, Object> item = new HashMap<>();
    item.put("title", Stream.of("title", "itemTitle", "deploymentName").map(variable).filter(Objects::nonNull)
        .findFirst().orElse(null));
    Object itemKind = variable.apply("itemKind");
    // A process definition id starts with its key: "ml-proposal:3:…".
    item.put("itemKind", itemKind != null ? itemKind : processDefinitionId.split(":")[0]);
    return item;
  }

  private void start(String template, String businessKey, Map<String, Object> variables) {
    variables.put("mailTemplate", template);
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
  }
}
