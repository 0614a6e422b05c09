package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proposal's journey through the stock Camunda Tasklist in Chromium, as the demo users of
 * each role: submit, review as the four pod leads, vote as the council, decide as the chair.
 */
@IntegrationTest
class ProposalJourneyIT extends BrowserJourney {

  private static final Pattern TASK_LINK = Pattern.compile("http://localhost:8080(/camunda/app/tasklist/default/#/\\?task=[\\w-]+)");

  /** Markdown a proposer may type; the forms must not turn it into a link. */
  private static final String DESIGN_LINK = "See [the design](https://design.example/ranking).";

  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  @Test
  void proposalGoesFromTheStartFormThroughPodLeadsAndCouncilToTheChairsDecision() {
    String title = "Delivery-time ranking " + UUID.randomUUID().toString().substring(0, 6);
    tasklist.loginAs("paul");
    tasklist.startProcess("Submit ML proposal");
    fillProposal(title);
    tasklist.screenshot("01-proposer-fills-start-form");
    tasklist.submitStartForm();

    Mailbox.awaitOne("paul@mlcouncil.example", "Proposal received: " + title);
    ProcessInstance proposal = started("ml-proposal", "title", title);
    String key = proposal.getBusinessKey();
    // Tasklist's login is the register's: paul finds what he submitted under My items.
    assertThat(myItemsLine(key, "Review proposal: waiting for")).contains(title)
        .contains("the search pod's product manager").contains("the search pod's analytics manager");
    tasklist.screenshot("register-06-paul-finds-his-proposal-under-my-items");
    tasklist.logout();

    tasklist.loginAs("sarah");
    tasklist.openFilter("Pod reviews");
    tasklist.openTask("Review proposal " + proposal.getBusinessKey());
    assertThat(tasklist.formText()).contains(title).contains("Screening findings").contains("ML_NEED_IN_BAND")
        .as("Markdown a proposer typed shows as text").contains(DESIGN_LINK)
        .as("amounts typed as 2,000,000, 300k and $100,000").contains("Impact $2,000,000 per year; build $300,000; "
            + "maintenance $100,000 per year");
    assertThat(tasklist.source()).doesNotContain("href=\"https://design.example");
    tasklist.screenshot("02-pod-lead-reads-findings");
    tasklist.logout();
    reviewAsPodLead(proposal, "sarah", "Approve", "Checkout abandonment is our top metric: worth it.");
    for (String lead : List.of("sam", "sofia", "simon")) {
      reviewAsPodLead(proposal, lead, "Approve", null);
    }

    tasklist.loginAs("paul");
    assertThat(myItemsLine(key, "Vote on agenda item: waiting for")).contains("clara, ines, marcus, nina");
    tasklist.follow(key);
    assertThat(tasklist.waitForText("Timeline")).contains("Pod review (the search pod's product manager): approved by sarah")
        .contains("Checkout abandonment is our top metric: worth it.")
        .containsPattern("Pod review \\(the search pod's [a-z ]+\\): approved by simon");
    tasklist.screenshot("register-07-paul-follows-the-pod-reviews");
    tasklist.logout();

    ProcessInstance council = councilReviewOf(proposal);
    CouncilItems.clearAgenda(runtimeService, council.getId());
    Map<String, String> votes = Map.of("clara", "Approve", "marcus", "Approve", "nina", "Approve", "ines", "Reject");
    votes.forEach((member, vote) -> {
      tasklist.loginAs(member);
      tasklist.openFilter("Council votes");
      tasklist.openTask("Vote on agenda item " + proposal.getBusinessKey());
      if (member.equals("marcus")) {
        assertThat(tasklist.formText()).contains("Pod leads' reviews")
            .contains("pod-search-pm (sarah): approve, scores problem 4 / prioritisation 3 / impact versus cost 4 – "
                + "Checkout abandonment is our top metric: worth it.")
            .contains("pod-search-em (sam): approve");
        tasklist.screenshot("03a-council-member-reads-pod-reviews");
      }
      tasklist.choose("Your vote", vote);
      if (!vote.equals("Approve")) {
        tasklist.fillField("Comment", "Overlaps the feature-store roadmap.");
        tasklist.screenshot("03-council-member-votes");
      }
      tasklist.complete();
      tasklist.logout();
    });

    // An item nobody has voted on yet joins the agenda.
    ProcessInstance unvoted = new CouncilItems(runtimeService, taskService, identityService, managementService)
        .request("technology decision", "ivan", "ivan", "watcher@example.org", "Unvoted item");
    String meetingId = chairOpensMlReview(List.of(council));
    assertThat(tasklist.formText()).contains(proposal.getBusinessKey()).contains("4 of 4 voted")
        .contains("Quorum met").contains("Not voted").contains(unvoted.getBusinessKey() + " Unvoted item")
        .contains("Decide now without quorum");
    tasklist.screenshot("03b-chair-reads-the-agenda-table");
    tasklist.fillField("Attendees", "clara, ines, marcus, nina, paul");
    tasklist.complete();
    tasklist.openTask("Break the tie " + proposal.getBusinessKey());
    tasklist.claim();
    assertThat(tasklist.formText()).contains("ines: rejected – Overlaps the feature-store roadmap.")
        .contains("marcus: approved").contains("nina: approved").contains("clara: approved");
    tasklist.choose("Chair's decision", "Approve");
    tasklist.fillField("Rationale", "The impact justifies it; ines joins the design review.");
    tasklist.screenshot("04-chair-breaks-the-tie");
    tasklist.complete();
    chairClosesMlReview("Ranking team to report the first month's conversion at the next ML Review.");

    MimeMessage decision = Mailbox.awaitOne("paul@mlcouncil.example", "ML Council decision on " + title);
    assertThat(Mailbox.text(decision)).contains("Decision: approved").contains("Technical lead: paul");
    assertThat(Mailbox.text(decision)).as("the decision mail reads right and links to the item, not to Tasklist")
        .startsWith("The ML Council approved " + title + " (" + proposal.getBusinessKey() + "), proposed by paul.")
        .contains("The ML proposal: http://localhost:8080/register/items/" + proposal.getBusinessKey())
        .doesNotContain("Open Tasklist");
    Mailbox.awaitOne("paul@mlcouncil.example", "ML Review " + meetingId + ": meeting notes");
    tasklist.logout();
    tasklist.loginAs("paul");
    // The decision mail's link (on the mails' configured base URL, not this test's port).
    tasklist.openUrl("http://localhost:" + port + "/register/items/" + key);
    assertThat(tasklist.waitForText("Decision")).contains("The impact justifies it; ines joins the design review.")
        .contains("Decision: approved at ML Review " + meetingId).contains("Status\napproved on");
    tasklist.screenshot("register-08-paul-sees-the-decision");
    tasklist.follow("ML Reviews");
    tasklist.follow(meetingId);
    assertThat(tasklist.waitForText("Decisions")).contains("Ranking team to report the first month's conversion")
        .contains("clara, ines, marcus, nina, paul").contains(key).contains("ines: rejected");
    tasklist.screenshot("register-09-paul-reads-the-meeting-notes-in-the-archive");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(unvoted.getId()).activityId("voteOnItem").count())
        .as("the unvoted item was carried over, not decided by default").isEqualTo(4);
    runtimeService.deleteProcessInstance(unvoted.getId(), "journey done");
    await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(proposal.getId())
        .finished().count() == 1);
  }

  @Test
  void startFormShowsValidationMessagesAndStartsNothing() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count();
    tasklist.loginAs("paul");
    tasklist.startProcess("Submit ML proposal");
    tasklist.fillField("Business problem", "Search ranking ignores delivery time for most customers.");

    tasklist.trySubmitStartForm();

    List<String> messages = tasklist.validationMessages();
    tasklist.screenshot("05-start-form-validation");
    assertThat(messages).contains("Field is required.");
    await("no notification that the start failed").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> tasklist.notificationsShown().stream().noneMatch(text -> text.contains("could not be started")));
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count())
        .isEqualTo(before);
  }

  @Test
  void aRefusalOnTheServerReadsInPlainWordsNamingTheField() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count();
    tasklist.loginAs("paul");
    tasklist.startProcess("Submit ML proposal");
    fillProposal("Mistyped lead " + UUID.randomUUID().toString().substring(0, 6));
    tasklist.fillField("Technical lead", "pual");
    tasklist.fillField("Build cost (USD)", "2,5");

    tasklist.submitStartForm();

    String refusal = tasklist.notification("Technical lead");
    tasklist.screenshot("05b-server-refusal-in-plain-words");
    assertThat(refusal).contains("Build cost (USD): '2,5' is not an amount the platform can read for sure")
        .contains("Technical lead: 'pual' is not a known user — did you mean paul?")
        .doesNotContain("technicalLead").doesNotContain("Cannot instantiate");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("ml-proposal").count())
        .isEqualTo(before);
  }

  @Test
  void leadRequestsChangesAndTheProposerAmendsThroughTheMailedLink() {
    String title = "Fraud triage " + UUID.randomUUID().toString().substring(0, 6);
    tasklist.loginAs("paul");
    tasklist.startProcess("Submit ML proposal");
    fillProposal(title);
    tasklist.submitStartForm();
    ProcessInstance proposal = started("ml-proposal", "title", title);
    tasklist.logout();

    reviewAsPodLead(proposal, "sam", "Request changes", "Add the on-call plan for the ranking service.");
    for (String lead : List.of("sarah", "sofia", "simon")) {
      reviewAsPodLead(proposal, lead, "Approve", null);
    }

    MimeMessage announcement = Mailbox.awaitOne("paul@mlcouncil.example",
        "Please amend your ML proposal: " + title);
    Matcher link = TASK_LINK.matcher(Mailbox.text(announcement));
    assertThat(link.find()).isTrue();
    tasklist.loginAs("paul");
    tasklist.openUrl("http://localhost:" + port + link.group(1));
    assertThat(tasklist.formText()).contains("Add the on-call plan for the ranking service.").contains("sam");
    tasklist.fillField("Proposed solution", "Learning-to-rank on the feature store, with an on-call rota shared with search.");
    tasklist.screenshot("06-proposer-amends-from-mail-link");
    tasklist.complete();

    await().until(() -> runtimeService.createExecutionQuery().processInstanceId(proposal.getId())
        .activityId("reviewProposal").count() > 0);
  }

  @Test
  void proposerWhoIsAPodLeadCannotReviewTheirOwnProposal() {
    String title = "PM's own idea " + UUID.randomUUID().toString().substring(0, 6);
    tasklist.loginAs("sarah");
    tasklist.startProcess("Submit ML proposal");
    fillProposal(title);
    tasklist.fillField("Team members", "sarah, paul");
    tasklist.submitStartForm();
    ProcessInstance proposal = started("ml-proposal", "title", title);

    // Other tests leave reviews open in sarah's pod (some where she is the technical lead): open
    // this proposal's review by its link, as the task mail does.
    Task review = await().until(() -> taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskCandidateGroup("pod-search-pm").singleResult(), Objects::nonNull);
    tasklist.openUrl("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    tasklist.tryToClaim();
    String refusal = tasklist.notification("Four-eyes rule");
    tasklist.screenshot("07-four-eyes-refusal");
    assertThat(refusal).contains("Four-eyes rule: sarah is the proposer").contains("cannot review it");
    assertThat(taskService.createTaskQuery().processInstanceId(proposal.getId()).taskAssignee("sarah").count())
        .as("the claim was refused on the server").isZero();
  }

  /**
   * The logged-in user's line for the item under My items, once it reads as expected: the register
   * follows the process a moment after each click, so the page is loaded again until it does.
   */
  private String myItemsLine(String key, String expected) {
    By line = By.xpath("//ul[contains(@class,'my-items')]/li[a[normalize-space(.)='" + key + "']]");
    return tasklist.waiting(Duration.ofSeconds(30)).until(driver -> {
      driver.get("http://localhost:" + port + "/register/my");
      return driver.findElements(line).stream().map(WebElement::getText).filter(text -> text.contains(expected))
          .findFirst().orElse(null);
    });
  }

  /** A pod lead finds the review in their filter, claims it, scores and decides. */
  private void reviewAsPodLead(ProcessInstance proposal, String lead, String decision, String comment) {
    tasklist.loginAs(lead);
    tasklist.openFilter("Pod reviews");
    tasklist.openTask("Review proposal " + proposal.getBusinessKey());
    tasklist.claim();
    tasklist.choose("Business problem", "4 – good");
    tasklist.choose("Prioritisation", "3 – acceptable");
    tasklist.choose("Impact versus cost", "4 – good");
    tasklist.choose("Your decision", decision);
    if (comment != null) {
      tasklist.fillField("Comment", comment);
    }
    tasklist.complete();
    tasklist.logout();
  }

  private void fillProposal(String title) {
    tasklist.fillField("Title", title);
    tasklist.choose("Pod", "Search");
    tasklist.fillField("Business problem", "Search ranking ignores delivery time, so customers abandon slow restaurants.");
    tasklist.fillField("Proposed solution", "A learning-to-rank model on the feature store, served by model serving. "
        + DESIGN_LINK);
    tasklist.fillField("Estimated annual impact (USD per year)", "2,000,000");
    tasklist.fillField("Build cost (USD)", "300k");
    tasklist.fillField("Yearly maintenance cost (USD per year)", "$100,000");
    tasklist.fillField("Share of the impact simple analytics or rules would reach (%)", "25");
    tasklist.choose("Biggest blocker to success", "Production performance");
    tasklist.fillField("Team members", "paul, priya");
    tasklist.fillField("Technical lead", "paul");
    tasklist.tick("ML platform components used", "Feature store", "Model serving");
    tasklist.fillField("People to keep informed", "ivan");
  }

}
