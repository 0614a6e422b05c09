package org.mlcouncil.notification;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.mlcouncil.notification.Announcements.Announcement;
import org.mlcouncil.notification.MailComposer.ComposedMail;
import org.mlcouncil.notification.MailComposer.UndeliverableMail;
import org.mlcouncil.platform.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail of one locked mail step. Each engine call is its own short transaction; the
 * SMTP conversation runs between them, holding neither a transaction nor a database connection,
 * so a silent SMTP server cannot starve the platform's connection pool.
 */
@Component
class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
  private static final int OPTIMISTIC_LOCK_RETRIES = 5;
  private static final Duration COMPLETE_RETRY_PAUSE = Duration.ofSeconds(1);
  // Left of the lock when we stop retrying a completion: past it another sender may send again.
  private static final Duration LOCK_MARGIN = Duration.ofSeconds(5);

  private final MailComposer composer;
  private final JavaMailSender mailSender;
  private final ExternalTaskService externalTasks;
  private final MailActivity activity;
  private final Announcements announcements;
  private final TransactionTemplate transaction;
  private final RetryLadder ladder;
  private final Duration lockDuration;

  MailDelivery(MailComposer composer, JavaMailSender mailSender, ExternalTaskService externalTasks,
               MailActivity activity, Announcements announcements, TransactionTemplate transaction,
               MailProperties properties) {
    this.composer = composer;
    this.mailSender = mailSender;
    this.externalTasks = externalTasks;
    this.activity = activity;
    this.announcements = announcements;
    this.transaction = transaction;
    this.ladder = new RetryLadder(properties.retryDelays());
    this.lockDuration = properties.lockDuration();
    SmtpTimeouts.apply(mailSender, properties.smtpTimeout());
  }

  /** @param lockedAt {@link System#nanoTime()} when the task was locked */
  void deliver(LockedExternalTask task, String workerId, long lockedAt) {
    ComposedMail mail;
    try {
      mail = send(composer.compose(task));
    } catch (UndeliverableMail e) {
      fail(task, workerId, e, RetryLadder.exhausted());
      return;
    } catch (RuntimeException e) {
      // SMTP, or the directory could not be read: the database, not the mail, is the trouble.
      fail(task, workerId, e, ladder.afterFailure(task.getRetries()));
      return;
    }
    Map<String, Object> local = mail.unreachable().isEmpty() ? Map.of()
        : Map.of(MailComposer.UNREACHABLE, TextLimits.lines(List.copyOf(mail.unreachable())));
    record(mail, task.getActivityId(), lockedAt, () -> {
      try {
        if (TaskAnnouncer.PROCESS_KEY.equals(task.getProcessDefinitionKey())) {
          // The announcement's row is the item's record of the mail: marked sent with the step, both or neither.
          transaction.executeWithoutResult(status -> {
            externalTasks.complete(task.getId(), workerId, null, local);
            announcements.sentAfterHandOver(task.getProcessInstanceId());
          });
        } else {
          externalTasks.complete(task.getId(), workerId, null, local);
        }
        return true;
      } catch (BadUserRequestException e) {
        // The instance ended meanwhile (e.g. a withdrawal), or the lock ran out and another sender owns it.
        log.info("Mail of step {}: {}", task.getActivityId(), e.getMessage());
        return false;
      }
    });
  }

  /**
   * Sends an announcement (of a task, or of a mail step the flow does not wait for). The first
   * failure hands it to a {@code task-notification} instance, whose mail step retries it like any
   * other.
   *
   * @param lockedAt {@link System#nanoTime()} when the announcement was claimed
   */
  void deliver(Announcement announcement, String workerId, long lockedAt) {
    ComposedMail mail;
    try {
      mail = send(composer.compose(announcement));
    } catch (RuntimeException e) {
      log.warn("Mail '{}' of {} not sent, handed to a {} instance: {}", announcement.variables().get("mailTemplate"),
          announcement.businessKey(), TaskAnnouncer.PROCESS_KEY, reason(e));
      try {
        announcements.handOver(announcement, workerId);
      } catch (RuntimeException handOver) {
        log.warn("Could not hand over mail '{}' of {}; it is tried again when its lock ends: {}",
            announcement.variables().get("mailTemplate"), announcement.businessKey(), reason(handOver));
      }
      return;
    }
    record(mail, TaskAnnouncer.MAIL_STEP, lockedAt, () -> announcements.sent(announcement, workerId,
        List.copyOf(mail.unreachable())));
  }

  /** Sends a composed mail; one nobody can be reached by is not sent. */
  private ComposedMail send(ComposedMail mail) {
    if (mail.message() != null) {
      try {
        mailSender.send(mail.message());
      } catch (RuntimeException e) {
        activity.failed(reason(e));
        throw e;
      }
      activity.sent();
    }
    return mail;
  }

  /**
   * Records a sent mail, right after the server took it: until this commits, a crash means
   * sending it again. {@code write} answers false when the mail is no longer ours to record.
   */
  private void record(ComposedMail mail, String step, long lockedAt, BooleanSupplier write) {
    long giveUpAt = lockedAt + lockDuration.minus(LOCK_MARGIN).toNanos();
    int optimisticLockFailures = 0;
    while (true) {
      try {
        if (write.getAsBoolean()) {
          log.debug("Mail '{}' of step {} sent and recorded", mail.template(), step);
        } else {
          log.info("Mail '{}' of step {} was sent but its step is gone or no longer ours", mail.template(), step);
        }
        return;
      } catch (OptimisticLockingException e) {
        if (++optimisticLockFailures > OPTIMISTIC_LOCK_RETRIES) {
          log.error("Mail '{}' of step {} was sent but not recorded; it goes out again when its lock ends",
              mail.template(), step, e);
          return;
        }
      } catch (RuntimeException e) {
        // The database is away: keep trying while the lock is ours, so the mail is not sent twice.
        if (System.nanoTime() + COMPLETE_RETRY_PAUSE.toNanos() > giveUpAt || !pause()) {
          log.error("Mail '{}' of step {} was sent but not recorded; it goes out again when its lock ends",
              mail.template(), step, e);
          return;
        }
      }
    }
  }

  private void fail(LockedExternalTask task, String workerId, Exception cause, RetryLadder.Step next) {
    String reason = reason(cause);
    if (next.retries() == 0) {
      log.error("Mail of step {} in {} failed, no retries left (an incident): {}", task.getActivityId(),
          task.getProcessInstanceId(), reason);
    } else {
      log.warn("Mail of step {} in {} failed, {} retries left, next try in {}: {}", task.getActivityId(),
          task.getProcessInstanceId(), next.retries(), next.delay(), reason);
    }
    try {
      externalTasks.handleFailure(task.getId(), workerId, reason, stackTrace(cause), next.retries(),
          next.delay().toMillis());
    } catch (RuntimeException e) {
      log.warn("Could not record the failed mail of step {}; it is tried again when its lock ends: {}",
          task.getActivityId(), e.getMessage());
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(COMPLETE_RETRY_PAUSE.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The exception and its causes in one line, e.g. for Cockpit's incident message. */
  static String reason(Throwable error) {
    StringBuilder reason = new StringBuilder();
    for (Throwable cause = error; cause != null && reason.length() < 500; cause = cause.getCause()) {
      if (!reason.isEmpty()) {
        reason.append(" <- ");
      }
      reason.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
      if (cause.getCause() == cause) {
        break;
      }
    }
    return reason.toString().replaceAll("\\s+", " ");
  }

  private static String stackTrace(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
