package org.mlcouncil.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.SingleConsumerCondition;
import org.mlcouncil.notification.Announcements.Announcement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the mail of every BPMN mail step (external tasks of topic {@value MailComposer#TOPIC}) on a
 * few threads of its own, never on the job executor's or a request's: each fetches and locks
 * one mail, sends it and records it. Several nodes on one database share the work safely, since
 * Camunda's fetch-and-lock gives each mail to one worker (optimistic locking). A mail created on
 * this node wakes the senders at once; mail of other nodes is found by polling.
 *
 * <p>The senders also send the task announcements ({@link Announcements}), claimed the same way
 * with a lock of their own, and delete the record of those sent longer ago than their retention.
 *
 * <p>On shutdown the senders finish the mail in hand; a mail caught in a crash keeps its lock
 * until the lock ends and is then sent again, with the same Message-ID.
 */
@Component
class MailWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
  private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

  private final ExternalTaskService externalTasks;
  private final Announcements announcements;
  private final MailDelivery delivery;
  private final MailSteps mailSteps;
  private final MailProperties properties;
  private final String workerId = workerId();
  /** When a sender last deleted old announcements ({@link System#nanoTime()}); once an hour is plenty. */
  private final AtomicLong cleanedAt = new AtomicLong(System.nanoTime() - CLEANUP_INTERVAL.toNanos());
  private volatile boolean running;
  private ExecutorService senders;

  MailWorker(ExternalTaskService externalTasks, Announcements announcements, MailDelivery delivery,
             MailSteps mailSteps, MailProperties properties) {
    this.externalTasks = externalTasks;
    this.announcements = announcements;
    this.delivery = delivery;
    this.mailSteps = mailSteps;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    AtomicInteger number = new AtomicInteger();
    senders = Executors.newFixedThreadPool(properties.senders(), runnable -> {
      Thread thread = new Thread(runnable, "mail-sender-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    for (int i = 0; i < properties.senders(); i++) {
      senders.execute(this::sendUntilStopped);
    }
    log.info("Mail worker {} started: {} senders, lock {}, retry delays {}", workerId, properties.senders(),
        properties.lockDuration(), properties.retryDelays());
  }

  @Override
  public synchronized void stop() {
    running = false;
    ProcessEngineImpl.EXT_TASK_CONDITIONS.signalAll();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(properties.lockDuration().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Mail senders still busy at shutdown; their mails go out again when their locks end");
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      senders.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void sendUntilStopped() {
    SingleConsumerCondition wakeUp = new SingleConsumerCondition(Thread.currentThread());
    ProcessEngineImpl.EXT_TASK_CONDITIONS.addConsumer(wakeUp);
    LookAgain steps = new LookAgain(properties.pollInterval());
    LookAgain announced = new LookAgain(properties.pollInterval());
    try {
      while (running) {
        List<LockedExternalTask> tasks = List.of();
        long lockedAt = System.nanoTime();
        long created = mailSteps.created();
        if (steps.due(created, lockedAt)) {
          tasks = fetch();
          tasks.forEach(task -> deliver(task, lockedAt));
          if (tasks.isEmpty()) {
            steps.foundNone(created, lockedAt);
          }
        }
        Optional<Announcement> announcement = Optional.empty();
        long added = announcements.added();
        long claimedAt = System.nanoTime();
        if (announced.due(added, claimedAt)) {
          announcement = claim();
          announcement.ifPresent(claimed -> deliver(claimed, claimedAt));
          if (announcement.isEmpty()) {
            announced.foundNone(added, claimedAt);
          }
        }
        if (tasks.isEmpty() && announcement.isEmpty()) {
          cleanUp();
          wakeUp.await(properties.pollInterval().toMillis());
        }
      }
    } finally {
      ProcessEngineImpl.EXT_TASK_CONDITIONS.removeConsumer(wakeUp);
    }
  }

  /**
   * When a sender that found nothing of one kind looks for it again: once this node committed
   * another one (its count changed), or after the poll interval, for those of other nodes.
   */
  static final class LookAgain {

    private final long pollInterval;
    private long noneAt;
    private long countThen = -1;

    LookAgain(Duration pollInterval) {
      this.pollInterval = pollInterval.toNanos();
      this.noneAt = System.nanoTime() - this.pollInterval;
    }

    boolean due(long count, long now) {
      return count != countThen || now - noneAt >= pollInterval;
    }

    /** Found none when the count was {@code count}, read before looking. */
    void foundNone(long count, long now) {
      noneAt = now;
      countThen = count;
    }
  }

  private void deliver(LockedExternalTask task, long lockedAt) {
    try {
      delivery.deliver(task, workerId, lockedAt);
    } catch (RuntimeException e) {
      // A sender thread that died would silently shrink the pool; this mail's lock simply ends.
      log.error("Mail of step {} in {} failed unexpectedly", task.getActivityId(), task.getProcessInstanceId(), e);
    }
  }

  private void deliver(Announcement announcement, long lockedAt) {
    try {
      delivery.deliver(announcement, workerId, lockedAt);
    } catch (RuntimeException e) {
      log.error("Announcement of {} failed unexpectedly", announcement.businessKey(), e);
    }
  }

  private Optional<Announcement> claim() {
    try {
      return announcements.claim(workerId, properties.lockDuration());
    } catch (RuntimeException e) {
      log.warn("Mail worker cannot claim task announcements (tries again in {}): {}", properties.pollInterval(),
          MailDelivery.reason(e));
      return Optional.empty();
    }
  }

  /** Deletes the record of announcements sent longer ago than their retention, when idle and at most hourly. */
  private void cleanUp() {
    long last = cleanedAt.get();
    if (System.nanoTime() - last < CLEANUP_INTERVAL.toNanos() || !cleanedAt.compareAndSet(last, System.nanoTime())) {
      return;
    }
    try {
      int deleted = announcements.deleteSentBefore(ClockUtil.getCurrentTime().toInstant()
          .minus(properties.announcementRetention()));
      if (deleted > 0) {
        log.info("Deleted the record of {} task announcements sent more than {} ago", deleted,
            properties.announcementRetention());
      }
    } catch (RuntimeException e) {
      log.warn("Could not delete old task announcements (tries again in {}): {}", CLEANUP_INTERVAL,
          MailDelivery.reason(e));
    }
  }

  private List<LockedExternalTask> fetch() {
    try {
      // Mail steps carry no priority: ordering by it made every fetch sort all waiting mails, 45 ms
      // each with 2,000 waiting, where the first one found will do.
      return externalTasks.fetchAndLock(1, workerId, false)
          .topic(MailComposer.TOPIC, properties.lockDuration().toMillis())
          .variables(List.of())
          .execute();
    } catch (RuntimeException e) {
      log.warn("Mail worker cannot fetch mail (tries again in {}): {}", properties.pollInterval(),
          MailDelivery.reason(e));
      return List.of();
    }
  }

  private static String workerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    // Unique per start: a restarted node must not complete what its previous life locked.
    return "mail-" + host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
