package org.mlcouncil.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** People clicking at the same time: each runs on a thread of its own until its work is done. */
final class Crowd implements AutoCloseable {

  private final ExecutorService people = Executors.newCachedThreadPool();
  private final List<Future<?>> work = new ArrayList<>();

  Crowd add(Runnable person) {
    work.add(people.submit(person));
    return this;
  }

  /** Waits until everyone is done; a failure of one of them fails the scenario. */
  void awaitDone(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    try {
      for (Future<?> person : work) {
        person.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A client failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Clients not done within " + atMost, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      work.clear();
    }
  }

  @Override
  public void close() {
    people.shutdownNow();
  }
}
