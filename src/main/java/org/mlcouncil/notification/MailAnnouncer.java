package org.mlcouncil.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * A mail step its flow does not wait for: {@code camunda:delegateExpression="${announceMail}"}
 * with the fields {@code mailTemplate} and {@code mailTo}, meaning what the input parameters of an
 * external mail step mean. It records the mail as an announcement ({@link Announcements}) in the
 * step's transaction, with the variables the step sees then; the senders send it once that
 * commits, and a first try that fails goes on as a {@value TaskAnnouncer#PROCESS_KEY} instance
 * with the retry delays and the incident of every mail step.
 *
 * <p>For a receipt before the item's checks: as an external mail step it held every new item
 * there, unchecked and unreviewed, for as long as the SMTP server was down.
 *
 * <p>Prototype scoped because the engine injects the fields into the bean the expression
 * resolves: every execution gets a bean of its own.
 */
@Component("announceMail")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class MailAnnouncer implements JavaDelegate {

  private final Announcements announcements;
  private final MailComposer composer;
  private Expression mailTemplate;
  private Expression mailTo;

  public MailAnnouncer(Announcements announcements, MailComposer composer) {
    this.announcements = announcements;
    this.composer = composer;
  }

  public void setMailTemplate(Expression mailTemplate) {
    this.mailTemplate = mailTemplate;
  }

  public void setMailTo(Expression mailTo) {
    this.mailTo = mailTo;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (mailTemplate == null || mailTo == null) {
      // A modelling mistake, caught by the first instance (and by a deployment's test run).
      throw new IllegalStateException("Mail step '" + execution.getCurrentActivityId()
          + "' needs the fields mailTemplate and mailTo");
    }
    Map<String, Object> variables = composer.plain(execution.getVariablesTyped(false));
    variables.put("mailTemplate", mailTemplate.getValue(execution));
    variables.put("mailTo", mailTo.getValue(execution));
    announcements.add(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        TaskAnnouncer.processDefinitionKey(execution.getProcessDefinitionId()), null,
        execution.getCurrentActivityName(), variables);
  }
}
