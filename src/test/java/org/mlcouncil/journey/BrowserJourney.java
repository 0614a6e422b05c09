package org.mlcouncil.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per journey class on the app's random port: a screenshot when a
 * journey fails, and a full logout after each, so no session of one user leaks into the next.
 */
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserJourney {

  static Tasklist tasklist;

  @LocalServerPort int port;

  @BeforeAll
  static void openBrowser(@LocalServerPort int port) {
    tasklist = new Tasklist("http://localhost:" + port);
  }

  @AfterAll
  static void closeBrowser() {
    if (tasklist != null) {
      tasklist.close();
    }
  }

  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent()) {
      tasklist.screenshot("failed-" + context.getRequiredTestMethod().getName());
    }
  };

  @AfterEach
  void logout() {
    tasklist.logout();
  }
}
