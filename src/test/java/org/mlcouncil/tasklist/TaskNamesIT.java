package org.mlcouncil.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mlcouncil.council.CouncilItems;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasklist task names name the item, from what its process recorded, cut and on one line. */
@IntegrationTest
class TaskNamesIT {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void podReviewTasksNameTheProposalAndTheirMailNamesItOnce() {
    String title = "Smarter ETA for dispatch " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance proposal = ActingUser.as(identityService, "paul",
        () -> runtimeService.startProcessInstanceByKey("ml-proposal", ProposalData.valid(title)));
    String name = "Review proposal " + proposal.getBusinessKey() + ": " + title;

    await().until(() -> tasks(proposal, "reviewProposal").size() == 4);
    assertThat(tasks(proposal, "reviewProposal")).extracting(Task::getName).containsOnly(name);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey("reviewProposal").list()).extracting(HistoricTaskInstance::getName)
        .as("Cockpit's history shows the same name").containsOnly(name);

    MimeMessage announcement = Mailbox.awaitOne("sarah@mlcouncil.example", "New task: Review proposal – " + title);
    String subject = Mailbox.subject(announcement);
    assertThat(subject.indexOf(proposal.getBusinessKey())).as("the key once in " + subject)
        .isPositive().isEqualTo(subject.lastIndexOf(proposal.getBusinessKey()));
    assertThat(Mailbox.text(announcement)).contains("Task: Review proposal").doesNotContain(name);
    runtimeService.deleteProcessInstance(proposal.getId(), "test done");
  }

  @Test
  void voteAndTieBreakTasksCarryAHostileTitleCutAndOnOneLine() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String hostile = "<script>alert('x')</script> & \"Smarter\"\nETA {{title}}\t" + mark + " " + "x".repeat(300);
    CouncilItems items = new CouncilItems(runtimeService, taskService, identityService, managementService);
    ProcessInstance review = items.request("proposal", "paul", "priya", "watcher@example.org", hostile);
    String oneLine = hostile.replace('\n', ' ').replace('\t', ' ');
    String item = review.getBusinessKey() + ": " + oneLine.substring(0, ItemTaskName.TITLE_LENGTH - 1) + "…";

    await().until(() -> tasks(review, "voteOnItem").size() == CouncilItems.COUNCIL.size());
    assertThat(tasks(review, "voteOnItem")).extracting(Task::getName).containsOnly("Vote on agenda item " + item);
    MimeMessage announcement = Mailbox.awaitOne("marcus@mlcouncil.example", mark);
    assertThat(Mailbox.subject(announcement)).startsWith("[ML Council] New task: Vote on agenda item – <script>")
        .doesNotContain(review.getBusinessKey() + ":");
    assertThat(Mailbox.html(announcement)).doesNotContain("<script>");

    items.vote(review, "clara", "approve", null);
    items.vote(review, "ines", "reject", "Too early.");
    items.vote(review, "marcus", "approve", null);
    items.vote(review, "nina", "approve", null);
    items.holdMeeting(review);
    await().until(() -> tasks(review, "breakTie").size() == 1);
    assertThat(tasks(review, "breakTie").get(0).getName()).isEqualTo("Break the tie " + item);
    runtimeService.deleteProcessInstance(review.getId(), "test done");
  }

  private List<Task> tasks(ProcessInstance instance, String activity) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list();
  }
}
