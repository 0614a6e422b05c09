package org.mlcouncil.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.FlowNodeCoverage;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.LongText;
import org.mlcouncil.support.Mailbox;
import org.mlcouncil.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code council-review}: votes, quorum, tie-breaks, four-eyes, reminders. */
@IntegrationTest
class CouncilReviewIT {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("council-review");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  CouncilItems items;

  @BeforeEach
  void setUp() {
    items = new CouncilItems(runtimeService, taskService, identityService, managementService);
  }

  @Test
  void unanimousApprovalDecidesAtTheMeeting() {
    ProcessInstance review = request("paul", "priya");
    awaitWaitingAt(review, "voteOnItem");
    assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).count()).isEqualTo(4);
    assertThat(items.voteTask(review, "marcus")).isAssignedTo("marcus");

    items.allVote(review, "approve");
    awaitWaitingAt(review, "awaitMlReview");
    items.holdMeeting(review);

    await().untilAsserted(() -> assertThat(review).isEnded().hasPassed("councilDecided"));
    assertThat(decision(review)).isEqualTo("approved");
    assertThat(variable(review, "councilRationale")).isEqualTo("Unanimous vote of 4 council members: approved.");
  }

  @Test
  void unanimousRejectionAndBuyingRecommendationStandWithoutTheChair() {
    ProcessInstance rejected = request("paul", "priya");
    ProcessInstance buy = request("paul", "priya");
    awaitWaitingAt(rejected, "voteOnItem");
    awaitWaitingAt(buy, "voteOnItem");

    items.allVote(rejected, "reject");
    items.allVote(buy, "recommend-buying");
    items.holdMeeting(rejected);
    items.holdMeeting(buy);

    await().untilAsserted(() -> assertThat(rejected).isEnded());
    await().untilAsserted(() -> assertThat(buy).isEnded());
    assertThat(decision(rejected)).isEqualTo("rejected");
    assertThat(decision(buy)).isEqualTo("recommend-buying");
    assertThat(rejected).hasNotPassed("breakTie");
  }

  @Test
  void disagreementGoesToTheChairWhoSeesEveryVoteAndApproves() {
    ProcessInstance review = request("paul", "priya");
    awaitWaitingAt(review, "voteOnItem");
    items.vote(review, "clara", "approve", null);
    items.vote(review, "ines", "reject", "Duplicates the feature-store roadmap.");
    items.vote(review, "marcus", "approve", null);
    items.vote(review, "nina", "request-changes", "Name an on-call owner.");
    items.holdMeeting(review);

    awaitWaitingAt(review, "breakTie");
    Task tieBreak = task(review, "breakTie");
    assertThat(tieBreak).hasCandidateGroup("ml-council-chair");
    assertThat(taskService.getVariable(tieBreak.getId(), "votesSummary").toString())
        .contains("ines: rejected – Duplicates the feature-store roadmap.")
        .contains("nina: changes requested – Name an on-call owner.")
        .contains("clara: approved").contains("marcus: approved");

    assertThatThrownBy(() -> ActingUser.as(identityService, "clara",
        () -> taskService.complete(tieBreak.getId(), Map.of("chairDecision", "approve"))))
        .hasMessageContaining("chairRationale");
    ActingUser.as(identityService, "clara", () -> taskService.complete(tieBreak.getId(),
        Map.of("chairDecision", "approve", "chairRationale", "Impact outweighs the overlap; ines to advise.")));

    await().untilAsserted(() -> assertThat(review).isEnded().hasPassed("chairDecided"));
    assertThat(decision(review)).isEqualTo("approved");
    assertThat(variable(review, "councilRationale").toString()).contains("Impact outweighs the overlap")
        .contains("decided by the chair, clara");
  }

  @Test
  void longestCommentsAndRationaleGoThroughAndTheChairSeesEveryVoteWithinAStringVariable() {
    ProcessInstance review = request("paul", "priya");
    awaitWaitingAt(review, "voteOnItem");
    assertThatThrownBy(() -> items.vote(review, "ines", "reject", LongText.of("ines", RecordCouncilVote.MAX_COMMENT + 1)))
        .hasMessageContaining("comment: must be at most 4000 characters (got 4001)");
    for (String member : CouncilItems.COUNCIL) {
      items.vote(review, member, member.equals("clara") ? "approve" : "reject",
          LongText.of(member + " explains", RecordCouncilVote.MAX_COMMENT));
    }
    items.holdMeeting(review);

    awaitWaitingAt(review, "breakTie");
    Task tieBreak = task(review, "breakTie");
    assertThat(taskService.getVariable(tieBreak.getId(), "votesSummary").toString())
        .hasSizeLessThanOrEqualTo(TextLimits.SUMMARY)
        .contains("- clara: approved – clara explains", "- ines: rejected – ines explains",
            "- marcus: rejected – marcus explains", "- nina: rejected – nina explains", "[…]");
    assertThatThrownBy(() -> ActingUser.as(identityService, "clara", () -> taskService.complete(tieBreak.getId(),
        Map.of("chairDecision", "reject", "chairRationale", LongText.of("Chair", RecordTieBreak.MAX_RATIONALE + 1)))))
        .hasMessageContaining("chairRationale: must be at most 3800 characters (got 3801)");
    String rationale = LongText.of("Chair", RecordTieBreak.MAX_RATIONALE);
    ActingUser.as(identityService, "clara", () -> taskService.complete(tieBreak.getId(),
        Map.of("chairDecision", "reject", "chairRationale", rationale)));

    await().untilAsserted(() -> assertThat(review).isEnded().hasPassed("chairDecided"));
    assertThat(variable(review, "councilRationale")).isEqualTo(rationale + " (decided by the chair, clara)");
  }

  @Test
  void chairCanRejectAfterADisagreement() {
    ProcessInstance review = request("paul", "priya");
    awaitWaitingAt(review, "voteOnItem");
    items.vote(review, "clara", "approve", null);
    items.vote(review, "ines", "reject", "No budget.");
    items.vote(review, "marcus", "reject", "No budget.");
    items.vote(review, "nina", "reject", "No budget.");
    items.holdMeeting(review);

    awaitWaitingAt(review, "breakTie");
    ActingUser.as(identityService, "clara", () -> taskService.complete(task(review, "breakTie").getId(),
        Map.of("chairDecision", "reject", "chairRationale", "No budget this year.")));
    await().untilAsserted(() -> assertThat(review).isEnded());
    assertThat(decision(review)).isEqualTo("rejected");
  }

  @Test
  void meetingBeforeQuorumEndsTheVoteAndTheChairDecides() {
    ProcessInstance review = request("paul", "priya");
    awaitWaitingAt(review, "voteOnItem");
    items.vote(review, "clara", "approve", null);
    items.vote(review, "ines", "approve", null);

    items.holdMeeting(review);

    awaitWaitingAt(review, "breakTie");
    assertThat(review).hasPassed("meetingHeldDuringVoting");
    assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey("voteOnItem").count())
        .as("open votes close when the meeting takes the item up").isZero();
    assertThat(variable(review, "councilRationale")).isEqualTo("Only 2 of 4 members voted; the chair decides.");
  }

  @Test
  void memberWhoProposedTheItemDoesNotVote() {
    ProcessInstance review = request("marcus", "priya");
    awaitWaitingAt(review, "voteOnItem");

    assertThat(items.voteTask(review, "marcus")).isNull();
    assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).count()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<String> excluded = (List<String>) variable(review, "excludedVoters");
    assertThat(excluded).containsExactly("marcus");
    assertThatThrownBy(() -> taskService.setAssignee(items.voteTask(review, "nina").getId(), "marcus"))
        .hasMessageContaining("Four-eyes rule: marcus is the proposer");
  }

  @Test
  void remindersGoToMembersWhoHaveNotVotedAndToTheChair() {
    String watcher = "watcher-" + UUID.randomUUID() + "@example.org";
    ProcessInstance review = items.request("proposal", "paul", "priya", watcher);
    coverage.track(review);
    awaitWaitingAt(review, "voteOnItem");
    items.vote(review, "clara", "approve", null);
    items.vote(review, "ines", "approve", null);
    String subject = "Reminder: your vote on Item " + review.getBusinessKey();

    managementService.executeJob(timer(review, "voteOverdue"));
    Mailbox.awaitOne("marcus@mlcouncil.example", subject);
    assertThat(Mailbox.messages("clara@mlcouncil.example", subject)).isEmpty();
    awaitRemindersEnded(review, 1);
    managementService.executeJob(timer(review, "meetingApproaching"));
    await().until(() -> Mailbox.messages("nina@mlcouncil.example", subject).size() == 2);
    awaitRemindersEnded(review, 2);

    items.vote(review, "marcus", "reject", "Too early.");
    items.vote(review, "nina", "approve", null);
    items.holdMeeting(review);
    awaitWaitingAt(review, "breakTie");
    managementService.executeJob(timer(review, "tieBreakOverdue"));
    MimeMessage chair = Mailbox.awaitOne("clara@mlcouncil.example",
        "Reminder: the tie-break on Item " + review.getBusinessKey());
    assertThat(Mailbox.text(chair)).contains("Break the tie");
    Mailbox.awaitOne("demo@mlcouncil.example", "Reminder: the tie-break on Item " + review.getBusinessKey());
    await().untilAsserted(() -> assertThat(review).hasPassed("votersReminded", "chairReminded"));
  }

  @Test
  void votingThatOpensJustBeforeTheMeetingAnnouncesTheVoteOnceAndRemindsBeforeTheFollowingMeeting() {
    // Thursday 14:00, an hour before the weekly ML Review.
    TestClock.at(LocalDateTime.parse("2026-11-26T14:00").atZone(ZoneId.systemDefault()).toInstant());
    try {
      ProcessInstance review = items.request("proposal", "paul", "priya",
          "watcher-" + UUID.randomUUID() + "@example.org");

      CouncilItems.COUNCIL.forEach(member -> Mailbox.awaitOne(member + "@mlcouncil.example",
          "New task: Vote on agenda item – Item " + review.getBusinessKey()));
      Date reminder = managementService.createJobQuery().processInstanceId(review.getId()).timers()
          .activityId("meetingApproaching").singleResult().getDuedate();
      assertThat(reminder).as("a day before the following ML Review, not with the announcement")
          .isEqualTo(Date.from(LocalDateTime.parse("2026-12-02T15:00").atZone(ZoneId.systemDefault()).toInstant()));
      CouncilItems.COUNCIL.forEach(member -> assertThat(Mailbox.messages(member + "@mlcouncil.example",
          "Reminder: your vote on Item " + review.getBusinessKey())).isEmpty());
    } finally {
      TestClock.resume();
    }
  }

  private ProcessInstance request(String proposer, String technicalLead) {
    ProcessInstance review = items.request("proposal", proposer, technicalLead, "watcher@example.org");
    coverage.track(review);
    return review;
  }

  private String timer(ProcessInstance review, String boundaryEvent) {
    return managementService.createJobQuery().processInstanceId(review.getId()).timers().activityId(boundaryEvent)
        .singleResult().getId();
  }

  private Task task(ProcessInstance review, String key) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
  }

  private Object variable(ProcessInstance review, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(review.getId())
        .variableName(name).singleResult().getValue();
  }

  private String decision(ProcessInstance review) {
    return (String) variable(review, "councilDecision");
  }

  private static void awaitWaitingAt(ProcessInstance instance, String activity) {
    await().untilAsserted(() -> assertThat(instance).isWaitingAt(activity));
  }

  /**
   * A reminder mail is out before the job after it ends the reminder path; a vote or another
   * timer on the same instance meanwhile would race it (optimistic locking).
   */
  private void awaitRemindersEnded(ProcessInstance review, int count) {
    await().until(() -> historyService.createHistoricActivityInstanceQuery().processInstanceId(review.getId())
        .activityId("votersReminded").finished().count() == count);
  }
}
