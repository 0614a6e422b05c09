package org.mlcouncil.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * The BPMN mail step. Configure it on an asynchronous service task with input parameters:
 * {@code mailTemplate} (a template under {@code mail/}) and {@code mailTo} (user ids,
 * {@code group:<id>} entries or addresses; nested lists are flattened). Every process variable
 * is available to the template, plus {@code businessKey}, {@code tasklistUrl},
 * {@code processUrl} (Cockpit) and, when a {@code taskId} variable is present, {@code taskUrl}.
 *
 * <p>Use {@code camunda:failedJobRetryTimeCycle="${sendMail.retryCycle}"} so the retry policy
 * is configured once, in {@code mlcouncil.mail.retry-cycle}.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

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
    notifier.send(template, recipients.addressesOf(to), model);
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
