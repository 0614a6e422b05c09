package org.mlcouncil.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.council.CouncilTally;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.notification.TaskAnnouncer;
import org.springframework.stereotype.Component;

/**
 * Passes the open votes of members who left the council to new members who have no vote on
 * that item yet and are not its proposer or technical lead.
 */
@Component
public class VoteHandover {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CouncilTally councilTally;
  private final AuthorizationService authorizationService;
  private final TaskAnnouncer announcer;

  public VoteHandover(TaskService taskService, RuntimeService runtimeService, CouncilTally councilTally,
                      AuthorizationService authorizationService, TaskAnnouncer announcer) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.councilTally = councilTally;
    this.authorizationService = authorizationService;
    this.announcer = announcer;
  }

  /**
   * Records who left and who is on the council now, and hands their open votes over, on the
   * rotation's execution ({@code departedMembers}, {@code newMembers}, {@code handedOverVotes}).
   */
  public void handOver(DelegateExecution rotation, List<String> previous, List<String> council) {
    rotation.setVariable("departedMembers", String.join(", ", previous.stream()
        .filter(member -> !council.contains(member)).toList()));
    rotation.setVariable("newMembers", String.join(", ", council));
    rotation.setVariable("handedOverVotes", handOver(council));
  }

  /** Hands over every open vote of a non-member; returns how many were handed over. */
  public int handOver(List<String> council) {
    int handedOver = 0;
    for (Task vote : taskService.createTaskQuery().taskDefinitionKey("voteOnItem").active().list()) {
      if (vote.getAssignee() == null || council.contains(vote.getAssignee())) {
        continue;
      }
      Optional<String> successor = successor(vote, council);
      if (successor.isPresent()) {
        String departed = vote.getAssignee();
        replaceVoter(vote.getProcessInstanceId(), departed, successor.get());
        taskService.setAssignee(vote.getId(), successor.get());
        // Camunda keeps the permission it gave the first assignee; a former member must not see the vote.
        authorizationService.createAuthorizationQuery().userIdIn(departed).resourceType(Resources.TASK)
            .resourceId(vote.getId()).list()
            .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        announcer.announce(vote, successor.get());
        handedOver++;
      }
    }
    return handedOver;
  }

  private Optional<String> successor(Task vote, List<String> council) {
    Map<String, Object> item = runtimeService.getVariables(vote.getProcessInstanceId());
    Set<String> unavailable = taskService.createTaskQuery().processInstanceId(vote.getProcessInstanceId())
        .taskDefinitionKey("voteOnItem").list().stream().map(Task::getAssignee).collect(Collectors.toSet());
    councilTally.of(item).stream().map(CouncilVote::voter).forEach(unavailable::add);
    unavailable.add((String) item.get("proposer"));
    unavailable.add((String) item.get("technicalLead"));
    return council.stream().filter(member -> !unavailable.contains(member)).findFirst();
  }

  private void replaceVoter(String reviewId, String departed, String successor) {
    @SuppressWarnings("unchecked")
    List<String> voters = new ArrayList<>((List<String>) runtimeService.getVariable(reviewId, "voters"));
    voters.replaceAll(voter -> voter.equals(departed) ? successor : voter);
    runtimeService.setVariable(reviewId, "voters", voters);
  }
}
