package org.mlcouncil.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;

/**
 * Waits until the job executor has no due asynchronous step left (mails, screening, announcements).
 * A test that leaves such steps running hands the next test a moving engine, and the process test
 * coverage listener, which reads the events after each test, is not safe against events arriving
 * while it reads.
 */
public final class AsyncWork {

  private AsyncWork() {
  }

  public static void awaitDone(ManagementService managementService) {
    await().atMost(Duration.ofMinutes(2))
        .until(() -> managementService.createJobQuery().messages().executable().count() == 0);
  }
}
