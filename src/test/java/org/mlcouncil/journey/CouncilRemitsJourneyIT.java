package org.mlcouncil.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The council's other remits through the stock Tasklist in Chromium: a hiring manager submits
 * a job description and an ML infrastructure engineer a technology decision through their start
 * forms; the council votes on both in Tasklist; the chair takes both up at the ML Review; the
 * decisions reach the submitters by mail.
 */
@IntegrationTest
class CouncilRemitsJourneyIT extends BrowserJourney {


  @Autowired HistoryService historyService;

  @Test
  void jobDescriptionAndTechnologyDecisionGoThroughTheirFormsToTheMlReview() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String role = "Senior ML engineer, search " + suffix;
    String component = "Feature store " + suffix;

    tasklist.loginAs("priya");
    tasklist.startProcess("Submit ML job description");
    fillJobDescription(role);
    tasklist.screenshot("08-hiring-manager-fills-job-description");
    tasklist.submitStartForm();
    ProcessInstance jobDescription = started("job-description-review", "roleTitle", role);
    Mailbox.awaitOne("priya@mlcouncil.example", "Your job description was received: " + role);
    tasklist.logout();

    tasklist.loginAs("ivan");
    tasklist.startProcess("Submit technology decision");
    fillTechnologyDecision(component);
    tasklist.screenshot("09-engineer-fills-technology-decision");
    tasklist.submitStartForm();
    ProcessInstance technology = started("technology-decision", "component", component);
    Mailbox.awaitOne("ivan@mlcouncil.example", "Your technology decision was received: " + component);
    tasklist.logout();

    ProcessInstance jobReview = councilReviewOf(jobDescription);
    ProcessInstance technologyReview = councilReviewOf(technology);
    CouncilItems.clearAgenda(runtimeService, jobReview.getId(), technologyReview.getId());
    for (String member : List.of("clara", "marcus", "nina", "ines")) {
      tasklist.loginAs(member);
      tasklist.openFilter("Council votes");
      for (ProcessInstance item : List.of(jobDescription, technology)) {
        tasklist.openTask("Vote on agenda item " + item.getBusinessKey());
        if (member.equals("clara") && item == jobDescription) {
          tasklist.screenshot("10-council-member-votes-on-remit");
        }
        tasklist.choose("Your vote", "Approve");
        tasklist.complete();
      }
      tasklist.logout();
    }

    chairOpensMlReview(List.of(jobReview, technologyReview));
    assertThat(tasklist.formText())
        .contains(jobDescription.getBusinessKey()).contains(role).contains("job description")
        .contains(technology.getBusinessKey()).contains(component).contains("technology decision")
        .contains("4 of 4 voted");
    tasklist.screenshot("11-chair-runs-ml-review-with-remits");
    tasklist.complete();
    chairClosesMlReview();

    MimeMessage jobDecision = Mailbox.awaitOne("priya@mlcouncil.example", "ML Council decision on " + role);
    assertThat(Mailbox.text(jobDecision)).contains("Decision: approved").contains(jobDescription.getBusinessKey());
    MimeMessage technologyDecision = Mailbox.awaitOne("ivan@mlcouncil.example", "ML Council decision on " + component);
    assertThat(Mailbox.text(technologyDecision)).contains("Decision: approved").contains(technology.getBusinessKey());
    await().until(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(jobDescription.getId(), technology.getId())).finished().count() == 2);
  }

  private void fillJobDescription(String role) {
    tasklist.fillField("Role title", role);
    tasklist.choose("Track", "ML engineer");
    tasklist.choose("Level", "Senior");
    tasklist.choose("Team (pod)", "Search");
    tasklist.fillField("Job description", "Build ranking models.");
    tasklist.trySubmitStartForm();
    assertThat(tasklist.validationMessages()).as("too short to judge, said before submitting")
        .contains("Field must have minimum length of 200.");
    tasklist.screenshot("08a-job-description-too-short");
    tasklist.fillField("Job description", "You will build and run the ranking models behind search: feature pipelines "
        + "on the feature store, low-latency serving and online experiments with the search pod. You pair with data "
        + "scientists on model choice and own production performance.");
    tasklist.fillField("Hiring process", "Recruiter call; take-home exercise; ML system design interview with two "
        + "council members; team interview with the search pod.");
    tasklist.fillField("People to keep informed", "sarah");
  }

  private void fillTechnologyDecision(String component) {
    tasklist.fillField("Component", component);
    tasklist.fillField("Problem", "Every team computes the same features twice, for training and for serving, "
        + "and the two drift apart.");
    tasklist.fillField("Option 1", "Adopt Feast");
    tasklist.fillField("Option 1: yearly cost (USD per year)", "80,000");
    tasklist.fillField("Option 2", "Buy Tecton");
    tasklist.fillField("Option 2: yearly cost (USD per year)", "150k");
    tasklist.choose("Recommendation", "Adopt open source");
    assertThat(tasklist.options("Recommended option")).as("the options by the names typed, no empty one")
        .containsExactly("Adopt Feast", "Buy Tecton");
    tasklist.choose("Recommended option", "Adopt Feast");
    tasklist.fillField("Risks", "We run Feast ourselves: on-call load for ML infrastructure.");
  }
}
