package org.mlcouncil.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds the message of a BPMN mail step ({@code camunda:type="external" camunda:topic="mail"})
 * from its input parameters: {@code mailTemplate} (a template under {@code mail/}) and
 * {@code mailTo} (user ids, {@code group:<id>} entries or addresses; nested lists are flattened),
 * and optionally {@code mailExcept} (people named the same way who do not get this mail, e.g.
 * the proposer, whose amendment task brings its own mail). Every variable the step sees is
 * available to the template, plus the facts {@link MailFacts} derives (the item's name, labels,
 * amounts, links).
 *
 * <p>One message goes to all recipients in one SMTP transaction, so a retried send never reaches
 * some people twice. Up to {@value #VISIBLE_RECIPIENTS} recipients are named in {@code To:}
 * (people working on the same thing see who else is asked); a longer list goes in {@code Bcc:}
 * only, so nobody's mail shows the addresses of everyone else it went to.
 *
 * <p>Whoever named cannot be reached (unknown, no address, an address that is not valid) is
 * left out of the mail, which goes to everyone else; each is logged as a warning naming the mail.
 *
 * <p>The Message-ID is derived from the external task (or the task announcement), so a mail sent
 * again after a crash carries the Message-ID of the first copy and mail clients can drop the
 * duplicate.
 */
@Component
public class MailComposer {

  static final String TOPIC = "mail";
  /** The mail step's local variable naming whoever it could not reach. */
  public static final String UNREACHABLE = "unreachableRecipients";
  /** The most recipients a mail names in {@code To:}; more go in {@code Bcc:}. */
  static final int VISIBLE_RECIPIENTS = 5;
  private static final String JSON = Variables.SerializationDataFormats.JSON.getName();
  private static final TypeReference<Object> PLAIN = new TypeReference<>() {
  };
  private static final Logger log = LoggerFactory.getLogger(MailComposer.class);

  /** A mail step's message; {@code message} is empty when nobody named can be reached. */
  record ComposedMail(String template, MimeMessage message, List<String> unreachable) {
  }

  private final RuntimeService runtimeService;
  private final MailTemplates templates;
  private final Recipients recipients;
  private final MailFacts facts;
  private final JsonVariables json;
  private final JavaMailSender mailSender;
  private final MailProperties properties;
  private final List<MailModelExtension> extensions;
  private final String messageIdDomain;

  public MailComposer(RuntimeService runtimeService, MailTemplates templates, Recipients recipients,
                      MailFacts facts, JsonVariables json, JavaMailSender mailSender, MailProperties properties,
                      List<MailModelExtension> extensions) {
    this.runtimeService = runtimeService;
    this.templates = templates;
    this.recipients = recipients;
    this.facts = facts;
    this.json = json;
    this.mailSender = mailSender;
    this.properties = properties;
    this.extensions = List.copyOf(extensions);
    this.messageIdDomain = domainOf(properties.from());
  }

  /**
   * What a mail is made of: {@code key} names every copy of it (its Message-ID), {@code step} is
   * the mail step for the log, the rest is the item and the variables its template sees.
   */
  private record Order(String key, String step, String businessKey, String processDefinitionKey,
                       String processInstanceId, Map<String, Object> variables) {
  }

  /**
   * @throws UndeliverableMail when the step itself is broken (no or unknown template, a template
   *     that fails), which no retry mends; a failing variable or directory lookup is thrown as it is
   */
  ComposedMail compose(LockedExternalTask task) {
    Map<String, Object> variables = plainVariables(task.getExecutionId());
    // A handed-over announcement goes on with the Message-ID of its first try; only its own process
    // may set that, no variable a user can write elsewhere.
    String key = TaskAnnouncer.PROCESS_KEY.equals(task.getProcessDefinitionKey())
        && variables.get(Announcements.MESSAGE_KEY) instanceof String first ? first : task.getId();
    return compose(new Order(key, task.getActivityId(), task.getBusinessKey(), task.getProcessDefinitionKey(),
        task.getProcessInstanceId(), variables));
  }

  /** @throws UndeliverableMail as {@link #compose(LockedExternalTask)} */
  ComposedMail compose(Announcements.Announcement announcement) {
    return compose(new Order(announcement.id(), TaskAnnouncer.MAIL_STEP, announcement.businessKey(),
        announcement.processDefinitionKey(), announcement.processInstanceId(), announcement.variables()));
  }

  private ComposedMail compose(Order order) {
    Map<String, Object> variables = order.variables();
    String template = variables.get("mailTemplate") instanceof String name ? name : "";
    if (template.isBlank()) {
      throw new UndeliverableMail("Mail step '" + order.step() + "' has no input parameter mailTemplate");
    }
    List<String> to = new ArrayList<>();
    flatten(variables.get("mailTo"), to);
    List<String> except = new ArrayList<>();
    flatten(variables.get("mailExcept"), except);
    Recipients.Resolved resolved = recipients.resolve(to);
    resolved.addresses().removeAll(recipients.resolve(except).addresses());
    String item = Objects.requireNonNullElse(order.businessKey(), "process instance " + order.processInstanceId());
    resolved.unreachable().forEach(recipient -> log.warn("Mail '{}' of {} (step {}) skips a recipient: {}",
        template, item, order.step(), recipient));
    List<String> unreachable = List.copyOf(resolved.unreachable());
    if (resolved.addresses().isEmpty()) {
      log.warn("Mail '{}' of {} (step {}) has no recipient with an address: nothing sent", template, item,
          order.step());
      return new ComposedMail(template, null, unreachable);
    }
    Map<String, Object> model = facts.model(order.businessKey(), order.processDefinitionKey(),
        order.processInstanceId(), variables);
    extensions.forEach(extension -> extension.extend(template, model));
    return new ComposedMail(template, message(order.key(), template, resolved.addresses(), model), unreachable);
  }

  /**
   * The variables the step sees, stored lists and maps as the plain JSON they are kept in, never
   * deserialized into Java types: a list mixing lists and texts (a {@code mailTo} naming the
   * interested and a group) is stored typed after its first element and does not deserialize,
   * and templates iterate plain lists and maps anyway. Read here rather than with the fetch, so
   * a value that cannot be read fails its own mail only, not every fetch that would lock it.
   */
  private Map<String, Object> plainVariables(String executionId) {
    return plain(runtimeService.getVariablesTyped(executionId, false));
  }

  /** Variables as a template sees them: see {@link #plainVariables(String)}. */
  Map<String, Object> plain(VariableMap stored) {
    Map<String, Object> plain = new HashMap<>();
    for (String name : stored.keySet()) {
      TypedValue value = stored.getValueTyped(name);
      if (value instanceof SerializableValue serialized) {
        if (JSON.equals(serialized.getSerializationDataFormat())) {
          plain.put(name, json.convert(serialized.getValueSerialized(), PLAIN, null));
        }
      } else if (value.getValue() == null || value.getValue() instanceof String || value.getValue() instanceof Number
          || value.getValue() instanceof Boolean || value.getValue() instanceof Date) {
        plain.put(name, value.getValue());
      }
      // Java-serialized values, bytes and files (none of the platform's own) stay out of mails.
    }
    return plain;
  }

  private MimeMessage message(String key, String template, Collection<String> addresses,
                              Map<String, Object> model) {
    try {
      RenderedMail mail = templates.render(template, model);
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      String[] to = addresses.toArray(String[]::new);
      if (to.length <= VISIBLE_RECIPIENTS) {
        helper.setTo(to);
      } else {
        helper.setBcc(to);
      }
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      message.setHeader("Message-ID", "<mail-" + key + "@" + messageIdDomain + ">");
      return message;
    } catch (MessagingException | RuntimeException e) {
      throw new UndeliverableMail("Cannot build mail '" + template + "': " + e.getMessage(), e);
    }
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

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      return address.substring(address.indexOf('@') + 1);
    } catch (AddressException e) {
      throw new IllegalArgumentException("mlcouncil.mail.from is not an address: " + from, e);
    }
  }

  /** A mail step that no retry can send. */
  static class UndeliverableMail extends RuntimeException {

    UndeliverableMail(String message) {
      super(message);
    }

    UndeliverableMail(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
