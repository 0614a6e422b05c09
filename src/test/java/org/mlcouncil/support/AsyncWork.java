package org.mlcouncil.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.mlcouncil.notification.Announcements;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until no asynchronous step is left: no due job (screening, the steps before a mail) and
 * no mail still to send (the mail worker's external tasks and task announcements; a mail whose
 * retries are used up is an incident, not work in progress). A test that leaves such steps
 * running hands the next test a moving engine, and the process test coverage listener, which
 * reads the events after each test, is not safe against events arriving while it reads.
 */
public final class AsyncWork {

  private AsyncWork() {
  }

  public static void awaitDone(ManagementService managementService) {
    // The suite's one engine, as it registered itself (getDefaultProcessEngine() would look for
    // engine configurations on the classpath); callers need not pass a second service.
    ProcessEngine engine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    ExternalTaskService externalTaskService = engine.getExternalTaskService();
    JdbcTemplate jdbc = new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource());
    await().atMost(Duration.ofMinutes(2))
        .until(() -> managementService.createJobQuery().messages().executable().count() == 0
            && externalTaskService.createExternalTaskQuery().topicName("mail").withRetriesLeft().count() == 0
            && jdbc.queryForObject(Announcements.PENDING_COUNT, Long.class) == 0
            && managementService.createJobQuery().messages().executable().count() == 0);
  }
}
