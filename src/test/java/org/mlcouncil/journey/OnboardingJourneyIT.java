package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A new person of the organisation file in a real browser: the administrator imports the file,
 * the person opens the welcome mail's link, is refused a weak password, sets a good one and
 * logs in to Tasklist with it.
 */
@IntegrationTest
class OnboardingJourneyIT extends BrowserJourney {

  private static final Pattern LINK = Pattern.compile("http://localhost:8080(/account/activate\\.html#token=[\\w.-]+)");

  @Autowired IdentityService identityService;

  @AfterEach
  void removeNewcomer() {
    identityService.deleteUser("journeynew");
  }

  @Test
  void aNewPersonSetsTheirPasswordFromTheWelcomeMailAndLogsIn() {
    HttpHeaders yaml = new HttpHeaders();
    yaml.setContentType(MediaType.parseMediaType("application/yaml"));
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/organisation/import", new HttpEntity<>("""
        users:
          - id: journeynew
            firstName: Noor
            lastName: Newcomer
            email: noor.newcomer@corp.example
            groups: [pod-search-pm]
        """, yaml), String.class).getStatusCode().value()).isEqualTo(200);
    Matcher link = LINK.matcher(Mailbox.text(Mailbox.awaitOne("noor.newcomer@corp.example", "Welcome")));
    assertThat(link.find()).isTrue();
    String page = "http://localhost:" + port + link.group(1);

    assertThat(tasklist.setOwnPassword(page, "short")).contains("does not meet the password policy");
    assertThat(tasklist.setOwnPassword(page, "Lantern-Meadow-64")).contains("Your password is set");
    tasklist.screenshot("20-newcomer-set-password");

    tasklist.loginAs("journeynew", "Lantern-Meadow-64");
    tasklist.openFilter("Pod reviews");
    assertThat(tasklist.pageText()).contains("Noor Newcomer").contains("Pod reviews").contains("Chair decisions");
    tasklist.screenshot("21-newcomer-in-tasklist");
  }
}
