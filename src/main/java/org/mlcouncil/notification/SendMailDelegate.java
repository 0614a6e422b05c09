package org.mlcouncil.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.PublicLinks;
import org.mlcouncil.platform.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The BPMN mail step. Configure it on an asynchronous service task with input parameters:
 * {@code mailTemplate} (a template under {@code mail/}) and {@code mailTo} (user ids,
 * {@code group:<id>} entries or addresses; nested lists are flattened). Every process variable
 * is available to the template, plus {@code businessKey}, {@code tasklistUrl},
 * {@code processUrl} (Cockpit) and, when a {@code taskId} variable is present, {@code taskUrl}.
 *
 * <p>Whoever named cannot be reached (unknown, no address, an address that is not valid) is
 * left out of the mail, which goes to everyone else: each is logged as a warning naming the mail
 * and kept in the step's local variable {@value #UNREACHABLE}, which history shows in Cockpit.
 *
 * <p>Use {@code camunda:failedJobRetryTimeCycle="${sendMail.retryCycle}"} so the retry policy
 * is configured once, in {@code mlcouncil.mail.retry-cycle}.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

  static final String UNREACHABLE = "unreachableRecipients";
  private static final Logger log = LoggerFactory.getLogger(SendMailDelegate.class);

  private final Notifier notifier;
  private final Recipients recipients;
  private final PublicLinks links;
  private final MailProperties properties;
  private final JsonVariables json;

  public SendMailDelegate(Notifier notifier, Recipients recipients, PublicLinks links,
                          MailProperties properties, JsonVariables json) {
    this.notifier = notifier;
    this.recipients = recipients;
    this.links = links;
    this.properties = properties;
    this.json = json;
  }

  public String getRetryCycle() {
    return properties.retryCycle();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariable("mailTemplate");
    if (template == null || template.isBlank()) {
      throw new IllegalStateException("Mail step '" + execution.getCurrentActivityId()
          + "' has no input parameter mailTemplate");
    }
    Map<String, Object> model = new HashMap<>();
    // JSON variables (findings, reviews) become plain lists and maps a template can iterate.
    execution.getVariables().forEach((name, value) ->
        model.put(name, value instanceof SpinJsonNode node ? json.toPlain(node) : value));
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("tasklistUrl", links.tasklist());
    model.put("processUrl", links.cockpitProcessInstance(execution.getProcessInstanceId()));
    if (model.get("taskId") instanceof String taskId) {
      model.put("taskUrl", links.task(taskId));
    }
    List<String> to = new ArrayList<>();
    flatten(execution.getVariable("mailTo"), to);
    Recipients.Resolved resolved = recipients.resolve(to);
    if (!resolved.unreachable().isEmpty()) {
      String item = Objects.requireNonNullElse(execution.getProcessBusinessKey(),
          "process instance " + execution.getProcessInstanceId());
      resolved.unreachable().forEach(recipient -> log.warn("Mail '{}' of {} (step {}) skips a recipient: {}", template,
          item, execution.getCurrentActivityId(), recipient));
      execution.setVariableLocal(UNREACHABLE, TextLimits.lines(List.copyOf(resolved.unreachable())));
    }
    notifier.send(template, resolved.addresses(), model);
  }

  private static void flatten(Object value, List<String> into) {
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> flatten(item, into));
    } else if (value instanceof String text) {
      for (String part : text.split(",")) {
        into.add(part.trim());
      }
    }
  }
}
