package org.mlcouncil.register;

import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mlcouncil.proposal.ProposalData;
import org.mlcouncil.support.ActingUser;

/** Proposals of the search pod taken through the engine as their people would, for the register's tests. */
record RegisterProposals(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
                         ManagementService managementService) {

  static final Map<String, String> SEARCH_LEADS = Map.of(
      "pod-search-pm", "sarah", "pod-search-em", "sam",
      "pod-search-ds-manager", "sofia", "pod-search-analytics-manager", "simon");

  ProcessInstance submit(String proposer, String title) {
    return ActingUser.as(identityService, proposer,
        () -> runtimeService.startProcessInstanceByKey("ml-proposal", ProposalData.valid(title)));
  }

  /** Every search pod lead approves: the proposal goes on to the council. */
  void podsApprove(ProcessInstance proposal) {
    SEARCH_LEADS.forEach((group, lead) -> review(proposal, group, lead));
  }

  void review(ProcessInstance proposal, String group, String lead) {
    await().until(() -> taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey("reviewProposal").taskCandidateGroup(group).count() == 1);
    Task task = taskService.createTaskQuery().processInstanceId(proposal.getId()).taskDefinitionKey("reviewProposal")
        .taskCandidateGroup(group).singleResult();
    ActingUser.as(identityService, lead, () -> {
      taskService.claim(task.getId(), lead);
      taskService.complete(task.getId(), new HashMap<>(Map.of("decision", "approve", "businessProblemScore", "4",
          "prioritisationScore", "3", "impactCostScore", "4", "comment", lead + " agrees")));
    });
    await().until(() -> managementService.createJobQuery().processInstanceId(proposal.getId())
        .activityId("reviewProposal").count() == 0);
  }
}
