package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail building block on a real SMTP server: deep links, one message per step, recipients
 * who cannot be reached. Outages, retries and incidents: {@link MailDeliveryIT}.
 */
@IntegrationTest
class MailStepIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;
  @Autowired Announcements announcements;

  @Test
  void sendsTestMailAndAnnouncesTheTaskWithADeepLink() throws Exception {
    String recipient = "check-" + UUID.randomUUID() + "@example.org";
    ProcessInstance instance = startMailCheckAs("olivia", recipient);

    MimeMessage testMail = Mailbox.awaitOne(recipient, "Test mail from the ML Council platform");
    assertThat(Mailbox.text(testMail)).contains("Requested by: olivia");
    // The mail step's own Message-ID, which a copy sent again after a crash carries too.
    String mailStep = await().until(() -> historyService.createHistoricExternalTaskLogQuery()
        .processInstanceId(instance.getId()).successLog().singleResult(), found -> found != null).getExternalTaskId();
    assertThat(testMail.getMessageID()).isEqualTo("<mail-" + mailStep + "@mlcouncil.example>");

    Task task = await().until(() -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).singleResult(), found -> found != null);
    assertThat(task.getAssignee()).isEqualTo("olivia");
    MimeMessage announcement = awaitAnnouncement(task);
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task.getId();
    assertThat(Mailbox.text(announcement)).contains("Open the task: " + link);
    assertThat(Mailbox.html(announcement)).contains("href=\"" + link + "\"");

    // The announcement is a row of its own, not a process instance: marked sent, its id the Message-ID.
    String announcementId = announcement.getMessageID().replaceAll("^<mail-|@.*$", "");
    Map<String, Object> row = await().until(() -> new JdbcTemplate(dataSource).queryForList(
            "select TASK_ID_, PROC_INST_ID_, SENT_, HANDED_OVER_ from " + Announcements.TABLE + " where ID_ = ?",
            announcementId), rows -> rows.size() == 1 && rows.get(0).get("SENT_") != null).get(0);
    assertThat(row).containsEntry("TASK_ID_", task.getId()).containsEntry("PROC_INST_ID_", instance.getId())
        .as("sent by the mail worker, no task-notification instance").containsEntry("HANDED_OVER_", null);

    // Kept for the item's timeline until its retention ends; the worker deletes older ones when idle.
    Instant sent = ((Timestamp) row.get("SENT_")).toInstant();
    Supplier<List<String>> kept = () -> new JdbcTemplate(dataSource).queryForList("select ID_ from "
        + Announcements.TABLE + " where ID_ = ?", String.class, announcementId);
    announcements.deleteSentBefore(sent);
    assertThat(kept.get()).hasSize(1);
    announcements.deleteSentBefore(sent.plusMillis(1));
    assertThat(kept.get()).isEmpty();
  }

  @Test
  void oneBadAddressNeverStopsTheMailToEveryoneElseAndIsReported() {
    String good = "good-" + UUID.randomUUID() + "@example.org";
    String legacy = "legacy" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(legacy);
    user.setEmail(legacy + "@example.org");
    identityService.saveUser(user);
    // An address saved before addresses were checked, or by another tool writing the directory.
    new JdbcTemplate(dataSource).update("update ACT_ID_USER set EMAIL_ = ? where ID_ = ?", "legacy)addr@evil.example",
        legacy);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(MailComposer.class);
    logger.addAppender(log);
    try {
      ProcessInstance instance = startMailCheckAs("olivia", good + ", bad)addr@evil.example, " + legacy);

      Mailbox.awaitOne(good, "Test mail from the ML Council platform");
      await().until(() -> taskService.createTaskQuery().processInstanceId(instance.getId()).count() == 1);
      assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName("unreachableRecipients").includeDeleted().singleResult().getValue().toString())
          .contains("'bad)addr@evil.example' is not a valid e-mail address")
          .contains(legacy + ": 'legacy)addr@evil.example' is not a valid e-mail address");
      await().untilAsserted(() -> assertThat(List.copyOf(log.list)).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("Mail 'platform-mail-check'", "step sendTestMail",
              "skips a recipient: 'bad)addr@evil.example'"))
          .anySatisfy(line -> assertThat(line).contains("skips a recipient: " + legacy + ": 'legacy)addr@evil.example'")));
      assertThat(log.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
    } finally {
      logger.detachAppender(log);
      identityService.deleteUser(legacy);
    }
  }

  @Test
  void aLongListOfRecipientsGetsOneCopyEachWithoutSeeingEachOther() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> crowd = IntStream.rangeClosed(1, MailComposer.VISIBLE_RECIPIENTS + 2)
        .mapToObj(number -> "b" + number + "-" + run + "@example.org").toList();
    List<String> few = List.of("t1-" + run + "@example.org", "t2-" + run + "@example.org");

    startMailCheckAs("olivia", String.join(", ", crowd));
    startMailCheckAs("olivia", String.join(", ", few));

    for (String reader : crowd) {
      MimeMessage mail = Mailbox.awaitOne(reader, "Test mail from the ML Council platform");
      assertThat(mail.getRecipients(Message.RecipientType.TO)).as("nobody listed in To:").isNull();
      assertThat(mail.getHeader("Bcc")).as("the Bcc list stays with the SMTP server").isNull();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      mail.writeTo(raw);
      crowd.stream().filter(other -> !other.equals(reader))
          .forEach(other -> assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain(other));
    }
    MimeMessage small = Mailbox.awaitOne(few.get(0), "Test mail from the ML Council platform");
    assertThat(small.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .as("a short list stays visible").containsExactlyElementsOf(few);
  }

  private ProcessInstance startMailCheckAs(String user, String recipient) {
    return ActingUser.as(identityService, user,
        () -> runtimeService.startProcessInstanceByKey("platform-mail-check", Map.of("recipient", recipient)));
  }

  private MimeMessage awaitAnnouncement(Task task) {
    return await().atMost(Duration.ofSeconds(30)).until(() ->
            Mailbox.messages("olivia@mlcouncil.example", "New task: Confirm test mail arrived").stream()
                .filter(message -> Mailbox.text(message).contains(task.getId())).findFirst().orElse(null),
        found -> found != null);
  }
}
