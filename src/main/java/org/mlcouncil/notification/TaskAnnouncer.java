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
 * a step before the task. Instead the listener records the announcement ({@link Announcements})
 * in the transaction that creates the task; the mail worker sends it once that commits, never
 * inside the user's click, and a send that fails continues as a {@value #PROCESS_KEY} instance
 * with retries and an incident.
 */
@Component("announceTask")
public class TaskAnnouncer implements TaskListener {

  public static final String PROCESS_KEY = "task-notification";
  /** The mail step of {@value #PROCESS_KEY}, which an announcement's first try stands for. */
  static final String MAIL_STEP = "sendTaskMail";
  static final String TASK_CREATED = "task-created";
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Announcements announcements;

  public TaskAnnouncer(RuntimeService runtimeService, TaskService taskService, Announcements announcements) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.announcements = announcements;
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
    add(template, businessKey, task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getId(), variables);
  }

  /** Announces a task that already exists to someone it was handed to, e.g. a new council member. */
  public void announce(Task task, String recipient) {
    String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
    Map<String, Object> variables = variables(task.getId(), ItemTaskName.action(task.getName(), businessKey),
        task.getDescription(), task.getDueDate(), List.of(recipient));
    variables.putAll(item(name -> taskService.getVariable(task.getId(), name), task.getProcessDefinitionId()));
    add(TASK_CREATED, businessKey, task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getId(),
        variables);
  }

  /** {@code taskName} is what the task asks ("Review proposal"): the mail names the item itself. */
  private static Map<String, Object> variables(String taskId, String taskName, String description, Date due,
                                               List<String> to) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("taskId", taskId);
    variables.put("taskName", taskName);
    // Only what the mail has: a handed-over announcement makes each a variable row.
    if (description != null) {
      variables.put("taskDescription", description);
    }
    if (due != null) {
      variables.put("taskDue", DUE.format(due.toInstant()));
    }
    // One text the mail step splits, not a list: a list variable would be a JSON byte array.
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
    item.put("itemKind", itemKind != null ? itemKind : processDefinitionKey(processDefinitionId));
    return item;
  }

  /** A process definition id starts with its key: "ml-proposal:3:…". */
  static String processDefinitionKey(String processDefinitionId) {
    return processDefinitionId.split(":")[0];
  }

  private void add(String template, String businessKey, String processInstanceId, String processDefinitionId,
                   String taskId, Map<String, Object> variables) {
    variables.put("mailTemplate", template);
    announcements.add(businessKey, processInstanceId, processDefinitionKey(processDefinitionId), taskId, null,
        variables);
  }
}
