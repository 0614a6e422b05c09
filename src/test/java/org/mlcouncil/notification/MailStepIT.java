package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.mlcouncil.support.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;

/** The mail building block on a real SMTP server: deep links, one message per step, retries. */
@IntegrationTest
class MailStepIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @AfterEach
  void smtpIsBack() {
    if (!TestInfrastructure.greenMail().isRunning()) {
      TestInfrastructure.startSmtp();
    }
  }

  @Test
  void sendsTestMailAndAnnouncesTheTaskWithADeepLink() {
    String recipient = "check-" + UUID.randomUUID() + "@example.org";
    ProcessInstance instance = startMailCheckAs("olivia", recipient);

    MimeMessage testMail = Mailbox.awaitOne(recipient, "Test mail from the ML Council platform");
    assertThat(Mailbox.text(testMail)).contains("Requested by: olivia");

    Task task = await().until(() -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).singleResult(), found -> found != null);
    assertThat(task.getAssignee()).isEqualTo("olivia");
    MimeMessage announcement = awaitAnnouncement(task);
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task.getId();
    assertThat(Mailbox.text(announcement)).contains("Open the task: " + link);
    assertThat(Mailbox.html(announcement)).contains("href=\"" + link + "\"");
  }

  @Test
  void smtpOutageRetriesThenBecomesAnIncidentAndTheMailArrivesOnceAfterARetry() {
    String recipient = "outage-" + UUID.randomUUID() + "@example.org";
    TestInfrastructure.stopSmtp();

    ProcessInstance instance = startMailCheckAs("olivia", recipient);

    // The user's start succeeded; the mail step retries (R3/PT1S in tests) and then raises an incident.
    Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createIncidentQuery()
        .processInstanceId(instance.getId()).singleResult(), found -> found != null);
    assertThat(incident.getActivityId()).isEqualTo("sendTestMail");
    assertThat(incident.getIncidentMessage()).containsIgnoringCase("mail");
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(job.getRetries()).isZero();
    assertThat(Mailbox.messages(recipient, "Test mail")).isEmpty();

    TestInfrastructure.startSmtp();
    managementService.setJobRetries(job.getId(), 1);

    Mailbox.awaitOne(recipient, "Test mail from the ML Council platform");
    await().until(() -> runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count() == 0);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> Mailbox.messages(recipient, "Test mail").size() == 1);
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
