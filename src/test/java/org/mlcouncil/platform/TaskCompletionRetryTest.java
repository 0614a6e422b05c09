package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TaskCompletionRetryTest {

  /** What the engine answers a completion that went through. */
  private static final VariableMap ANSWER = Variables.putValue("decision", "approve");

  private final AtomicInteger runs = new AtomicInteger();
  private final TaskCompletionRetry.Retry retry = new TaskCompletionRetry.Retry();

  /** The engine behind the interceptor: the first {@code lost} runs lose a race. */
  private void engineLosing(int lost) {
    retry.setNext(new CommandExecutor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T execute(Command<T> command) {
        if (runs.incrementAndGet() <= lost) {
          throw new OptimisticLockingException("ENGINE-03005 updated by another transaction concurrently");
        }
        return (T) ANSWER;
      }
    });
  }

  @Test
  void aCompletionThatLostARaceRunsAgainUntilItGoesThrough() {
    engineLosing(3);

    assertThat(retry.execute(new CompleteTaskCmd("review", Map.of("decision", "approve")))).isSameAs(ANSWER);
    assertThat(runs).hasValue(4);
  }

  @Test
  void aTasklistFormSubmissionToo() {
    engineLosing(1);

    assertThat(retry.execute(new SubmitTaskFormCmd("vote", Map.of("vote", "approve"), false, false)))
        .isSameAs(ANSWER);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aCompletionLosingEveryRaceFailsAfterTheLastAttempt() {
    engineLosing(Integer.MAX_VALUE);

    assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("review", Map.of())))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(TaskCompletionRetry.ATTEMPTS);
  }

  @Test
  void otherCommandsAreNotRunAgain() {
    engineLosing(1);

    assertThatThrownBy(() -> retry.execute(context -> "claimed")).isInstanceOf(OptimisticLockingException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCompletionInsideSomeoneElsesTransactionIsNotRunAgain() {
    engineLosing(1);
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("review", Map.of())))
          .isInstanceOf(OptimisticLockingException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(runs).hasValue(1);
  }
}
