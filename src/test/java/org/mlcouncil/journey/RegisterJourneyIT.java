package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.EngineRest;
import org.mlcouncil.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The register in Chromium: paul, logged in to Tasklist, finds his proposal under My items with its
 * stage and withdraws it from its page; a council member logs in on the register and filters it by pod
 * and stage; the chair opens the ML Review from the archive. Screenshots in {@code target/journeys/}.
 */
@IntegrationTest
class RegisterJourneyIT extends BrowserJourney {

  @Autowired ManagementService managementService;

  @Test
  void paulFindsHisProposalUnderMyItemsAndWithdrawsIt() {
    String title = "Register journey " + UUID.randomUUID().toString().substring(0, 6);
    EngineRest.start(rest, "paul", "ml-proposal", ProposalData.validForRest(title));
    ProcessInstance proposal = started("ml-proposal", "title", title);
    String key = proposal.getBusinessKey();
    tasklist.loginAs("paul");

    // Tasklist's login is the register's: no second login.
    tasklist.openUrl(base() + "/register/my");
    String myItems = tasklist.waitForText("waiting for the search pod's");
    assertThat(myItems).contains(key).contains(title).contains("Review proposal: waiting for the search pod's");
    tasklist.screenshot("register-01-my-items");

    tasklist.follow(key);
    String itemPage = tasklist.waitForText("Timeline");
    assertThat(itemPage).contains(title).contains("Submitted").contains("Screening findings").contains("Withdraw");
    tasklist.screenshot("register-02-item-page");

    type(By.name("reason"), "Priorities changed after the planning round");
    click(By.name("confirm"));
    click(By.xpath("//button[normalize-space(.)='Withdraw']"));
    assertThat(tasklist.waitForText("is withdrawn")).contains(key + " is withdrawn");
    tasklist.screenshot("register-03-withdrawn");
    tasklist.waiting().until(driver -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(proposal.getId()).count() == 0);
  }

  @Test
  void aCouncilMemberLogsInToTheRegisterAndFiltersByPodAndStage() {
    String title = "Register filter " + UUID.randomUUID().toString().substring(0, 6);
    EngineRest.start(rest, "paul", "ml-proposal", ProposalData.validForRest(title));
    String key = started("ml-proposal", "title", title).getBusinessKey();
    tasklist.waiting().until(driver -> runtimeService.createExecutionQuery().processInstanceBusinessKey(key)
        .activityId("reviewProposal").count() > 0);

    tasklist.openUrl(base() + "/register");
    type(By.name("username"), "marcus");
    type(By.name("password"), "demo");
    click(By.xpath("//button[normalize-space(.)='Log in']"));
    tasklist.waitForText("ML register");
    new Select(element(By.name("pod"))).selectByVisibleText("search");
    new Select(element(By.name("stage"))).selectByVisibleText("Review proposal");
    click(By.xpath("//button[normalize-space(.)='Filter']"));
    String filtered = tasklist.waitForText("sort by");
    assertThat(filtered).contains(key);
    List<String> pods = tasklist.waiting().until(driver -> driver.findElements(By.cssSelector("table.items tbody tr td:nth-child(4)")))
        .stream().map(WebElement::getText).distinct().toList();
    assertThat(pods).containsExactly("search");
    tasklist.screenshot("register-04-council-filters-by-pod-and-stage");
    // Its open reviews would show in the search pod leads' Tasklist in later journeys.
    AsyncWork.awaitDone(managementService);
    runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey("ml-proposal").singleResult().getId(), "register journey");
  }

  @Test
  void theChairOpensTheMlReviewFromTheArchive() {
    tasklist.loginAs("clara");
    tasklist.openUrl(base() + "/register/meetings");
    click(By.xpath("//button[normalize-space(.)='Hold ML Review now']"));
    assertThat(tasklist.waitForText("The ML Review is open")).contains("Run ML Review");
    tasklist.screenshot("register-05-chair-opened-ml-review");
    // With items other test classes left waiting, the meeting would wait for the chair: end it once its
    // own steps are done; the archive keeps it.
    AsyncWork.awaitDone(managementService);
    runtimeService.createProcessInstanceQuery().processDefinitionKey("ml-review-meeting").list()
        .forEach(meeting -> runtimeService.deleteProcessInstance(meeting.getId(), "register journey"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private WebElement element(By by) {
    return tasklist.waiting().until(driver -> {
      try {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
      } catch (StaleElementReferenceException navigating) {
        return null;
      }
    });
  }

  private void click(By by) {
    element(by).click();
  }

  private void type(By by, String text) {
    WebElement field = element(by);
    field.clear();
    field.sendKeys(text);
  }
}
