package org.mlcouncil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.mlcouncil.notification.Announcements;
import org.mlcouncil.reliability.Answer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the scale parts share to fill a database quickly: steps on several client threads, and
 * the engine's backlog read straight from its tables (not through the node being measured).
 */
final class Seeding {

  private Seeding() {
  }

  /** Runs steps {@code 0 .. count-1} on {@code threads} threads; returns the seconds they took. */
  static double parallel(int threads, int count, IntConsumer step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
            step.accept(n);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Asynchronous work still to do: jobs (screening, notifications, continuations) and mails
   * (external tasks) with retries left; reminder timers days ahead do not count.
   */
  static long pendingWork(JdbcTemplate jdbc) {
    return count(jdbc, "select count(*) from act_ru_job where type_ = 'message' and retries_ > 0")
        + count(jdbc, "select count(*) from act_ru_ext_task where retries_ is null or retries_ > 0")
        + count(jdbc, Announcements.PENDING_COUNT);
  }

  static long count(JdbcTemplate jdbc, String sql, Object... parameters) {
    Long count = jdbc.queryForObject(sql, Long.class, parameters);
    return count == null ? 0 : count;
  }

  /** A seeding call must succeed, or the figures would describe something else. */
  static Answer expectOk(Answer answer) {
    if (!answer.acknowledged()) {
      throw new IllegalStateException("Seeding answered " + answer);
    }
    return answer;
  }
}
