package org.mlcouncil.council;

import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.support.ActingUser;

/**
 * Drives {@code council-review} the way a calling process and the council members do, for
 * the council and meeting tests.
 */
public final class CouncilItems {

  public static final List<String> COUNCIL = List.of("clara", "ines", "marcus", "nina");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ManagementService managementService;

  public CouncilItems(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
                      ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.managementService = managementService;
  }

  /** Starts a council review as a calling process would; returns it with its watcher's address. */
  public ProcessInstance request(String kind, String proposer, String technicalLead, String watcher) {
    return request(kind, proposer, technicalLead, watcher, "Item");
  }

  /** A council review of an item whose title begins with {@code title} and ends with its key. */
  public ProcessInstance request(String kind, String proposer, String technicalLead, String watcher, String title) {
    String itemId = "TST-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> variables = new HashMap<>();
    variables.put("itemKind", kind);
    variables.put("itemId", itemId);
    variables.put("itemTitle", title + " " + itemId);
    variables.put("itemSummary", "A summary of " + itemId);
    variables.put("findingsSummary", "- INFO ML_NEED_IN_BAND: fine");
    variables.put("interested", new ArrayList<>(List.of(proposer, watcher)));
    variables.put("proposer", proposer);
    variables.put("technicalLead", technicalLead);
    return runtimeService.startProcessInstanceByKey("council-review", itemId, variables);
  }

  public Task voteTask(ProcessInstance review, String member) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey("voteOnItem")
        .taskAssignee(member).singleResult();
  }

  public void vote(ProcessInstance review, String member, String vote, String comment) {
    Task task = voteTask(review, member);
    Map<String, Object> form = new HashMap<>();
    form.put("vote", vote);
    if (comment != null) {
      form.put("comment", comment);
    }
    ActingUser.as(identityService, member, () -> taskService.complete(task.getId(), form));
    // The vote is counted in an asynchronous step after the task; the tests' next step (a timer run
    // by hand, a meeting taken up directly rather than by the meeting's retrying job) would race it.
    await().until(() -> managementService.createJobQuery().processInstanceId(review.getId())
        .activityId("voteOnItem").count() == 0);
  }

  public void allVote(ProcessInstance review, String vote) {
    COUNCIL.forEach(member -> vote(review, member, vote, vote.equals("approve") ? null : member + " says " + vote));
  }

  /** The council review an item's own process (a proposal, a job description, …) is waiting on. */
  public ProcessInstance reviewOf(ProcessInstance item) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(item.getId()).singleResult();
  }

  /** Every member votes the same on the item, and the ML Review takes it up. */
  public void decide(ProcessInstance item, String vote) {
    ProcessInstance review = reviewOf(item);
    await().until(() -> taskService.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey("voteOnItem").count() == COUNCIL.size());
    allVote(review, vote);
    holdMeeting(review);
  }

  /**
   * Empties the agenda: the ML Review takes up every item awaiting the council, including what
   * earlier test classes left waiting, so a test that holds a meeting starts from a clean slate.
   */
  public static void clearAgenda(RuntimeService runtimeService, String... keepReviewIds) {
    List<String> keep = List.of(keepReviewIds);
    runtimeService.createProcessInstanceQuery().processDefinitionKey("council-review").list().stream()
        .filter(review -> !keep.contains(review.getId()))
        .forEach(review -> runtimeService.deleteProcessInstance(review.getRootProcessInstanceId(), "test reset"));
    runtimeService.createProcessInstanceQuery().processDefinitionKey("ml-review-meeting").list()
        .forEach(meeting -> runtimeService.deleteProcessInstance(meeting.getId(), "test reset"));
  }

  /** What the ML Review does for an item it takes up. */
  public void holdMeeting(ProcessInstance review) {
    runtimeService.createMessageCorrelation("MlReviewHeld").processInstanceId(review.getId())
        .setVariable("meetingId", "MLR-TEST").correlate();
  }
}
