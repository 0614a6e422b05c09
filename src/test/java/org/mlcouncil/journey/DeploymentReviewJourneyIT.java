package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.mlcouncil.deployment.DeploymentData;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner's deployment reviewed in the stock Tasklist: oscar opens the review from its
 * announcement mail, reads who submitted it and what it changes, and approves it.
 */
@IntegrationTest
class DeploymentReviewJourneyIT extends BrowserJourney {

  private static final Pattern TASK_LINK = Pattern.compile("http://localhost:8080(/camunda/app/tasklist/default/#/\\?task=[\\w-]+)");

  @Autowired RepositoryService repositoryService;

  @Test
  void secondProcessOwnerReadsTheChangeInTasklistAndApprovesIt() {
    String businessKey = (String) EngineRest.deploy(rest, "olivia", "review-probe-journey",
        Map.of("review-probe-journey.bpmn", DeploymentData.model("review-probe-journey", ""))).getBody().get("businessKey");
    Matcher link = TASK_LINK.matcher(Mailbox.text(Mailbox.awaitOne("oscar@mlcouncil.example",
        "New task: Review process deployment – review-probe-journey (" + businessKey + ")")));
    assertThat(link.find()).isTrue();

    tasklist.loginAs("oscar");
    tasklist.openUrl("http://localhost:" + port + link.group(1));
    assertThat(tasklist.formText()).contains("Review process deployment").contains("review-probe-journey")
        .contains("Submitted by olivia").contains("- review-probe-journey.bpmn: NEW").contains("SHA-256");
    tasklist.claim();
    tasklist.choose("Your decision", "Approve: deploy it now");
    tasklist.screenshot("10-process-owner-reviews-deployment");
    tasklist.complete();

    tasklist.waiting().until(page -> repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("review-probe-journey").count() == 1);
    Mailbox.awaitOne("olivia@mlcouncil.example", "Deployment approved and active: review-probe-journey");
  }
}
