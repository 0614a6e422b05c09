package org.mlcouncil.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.junit.jupiter.api.Test;
import org.mlcouncil.notification.MailComposer;
import org.mlcouncil.notification.TaskAnnouncer;
import org.mlcouncil.proposal.screening.Screening;

class LeanHistoryTest {

  private static final String INSTANCE = "proposal-instance";

  @Test
  void keepsTheChangeLogOfTheItemsOwnVariables() {
    assertThat(LeanHistory.keepsDetail(update("title", INSTANCE, null))).isTrue();
    assertThat(LeanHistory.keepsDetail(update("podReview:pod-search-pm", INSTANCE, null))).isTrue();
    assertThat(LeanHistory.keepsDetail(update("findingsSummary", INSTANCE, null))).isTrue();
  }

  @Test
  void dropsTheChangeLogOfFormFieldsWhereverTheyAreKept() {
    // A review's decision lives on the review step's own scope (its input mapping), or on the task.
    assertThat(LeanHistory.keepsDetail(update("decision", "review-step-execution", null))).isFalse();
    assertThat(LeanHistory.keepsDetail(update("decision", "review-step-execution", "review-task"))).isFalse();
    assertThat(LeanHistory.keepsDetail(update("comment", INSTANCE, "review-task"))).isFalse();
    assertThat(LeanHistory.keepsDetail(update(Screening.FINDINGS, INSTANCE, null))).isFalse();
  }

  @Test
  void keepsOfAnAnnouncementOnlyWhomItCouldNotReach() {
    HistoricVariableUpdateEventEntity unreachable = update(MailComposer.UNREACHABLE, "mail-step", null);
    unreachable.setProcessDefinitionKey(TaskAnnouncer.PROCESS_KEY);
    HistoricVariableUpdateEventEntity mailTo = update("mailTo", "announcement", null);
    mailTo.setProcessDefinitionKey(TaskAnnouncer.PROCESS_KEY);

    assertThat(LeanHistory.isKept(unreachable)).isTrue();
    assertThat(LeanHistory.isKept(mailTo)).isFalse();
    assertThat(LeanHistory.isKept(update("loopCounter", "review-step-execution", null))).isFalse();
    assertThat(LeanHistory.isKept(update("decision", "review-step-execution", null))).isTrue();
  }

  private static HistoricVariableUpdateEventEntity update(String name, String executionId, String taskId) {
    HistoricVariableUpdateEventEntity update = new HistoricVariableUpdateEventEntity();
    update.setVariableName(name);
    update.setProcessInstanceId(INSTANCE);
    update.setExecutionId(executionId);
    update.setTaskId(taskId);
    update.setProcessDefinitionKey("ml-proposal");
    return update;
  }
}
