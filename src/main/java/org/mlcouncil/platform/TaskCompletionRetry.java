package org.mlcouncil.platform;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's task completion that lost a race runs again instead of failing. When the four pod
 * leads of an item, or its council members, complete at the same moment, each completion updates
 * the multi-instance counters of the same step, and a reminder timer may fire on it meanwhile; all
 * but one transaction then end in an {@link OptimisticLockingException} when they write. The
 * loser's work is rolled back whole, so running the same command again, in a new transaction that
 * sees the winner's commit, gives the answer the person would have had a moment later.
 *
 * <p>This replaces an asynchronous continuation after every review and vote: a job per click,
 * acquired, locked, logged twice and deleted, only to take the counting out of the click.
 *
 * <p>Only the outermost command is run again: one inside another command, or inside a transaction
 * someone else opened, would leave that caller's transaction marked for rollback.
 */
@Component
public class TaskCompletionRetry extends AbstractProcessEnginePlugin {

  /** Four people at the same moment lose at most three races; the rest is margin for a timer. */
  static final int ATTEMPTS = 6;

  private static final Logger LOG = LoggerFactory.getLogger(TaskCompletionRetry.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        EngineLists.with(configuration.getCustomPreCommandInterceptorsTxRequired(), new Retry()));
  }

  static final class Retry extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
          || Context.getCommandContext() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException lostRace) {
          if (attempt == ATTEMPTS) {
            throw lostRace;
          }
          LOG.debug("Completing a task lost a race with another transaction (attempt {}), running it again", attempt);
        }
      }
    }
  }
}
