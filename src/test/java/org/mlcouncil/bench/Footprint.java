package org.mlcouncil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.mlcouncil.reliability.AppNode;

/**
 * Start-up and memory as an operator meets them: seconds from launching the packaged jar until
 * Tasklist answers 200, and the resident memory after start-up and {@code -Dbench.idle.seconds}
 * (20) idle, from /proc. Once with the JVM's defaults ({@code java -jar}, no options: the heap
 * the JVM sizes from the machine's memory) and once with {@link #SMALL_HEAP}, the setting the
 * README recommends for a small server or container. The first start on an empty database
 * (schema, deployments, organisation) is shown apart: the targets are for a restart.
 */
final class Footprint implements BenchPart {

  /**
   * The recommended small-heap setting: a 256 MB heap is ample for the platform's live data;
   * C1 only and smaller thread stacks and code cache leave out memory a small instance never
   * repays. Keep in step with the README (Performance) and docker/Dockerfile.
   */
  static final List<String> SMALL_HEAP = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m");
  private static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("bench.idle.seconds", 20));
  private static final String DATABASE = "bench_footprint";
  private static final String SECTION = "Footprint";
  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @Override
  public String name() {
    return "footprint";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) throws Exception {
    env.createDatabase(DATABASE);
    Start first = start(env, "footprint-first", List.of(), false);
    report.add(Figure.info(SECTION, "start-up to the first Tasklist 200, first start on an empty database, JVM defaults",
        seconds(first.seconds())));
    Start defaults = start(env, "footprint-default", List.of(), true);
    report.add(Figure.against(SECTION, "start-up to the first Tasklist 200, JVM defaults", seconds(defaults.seconds()),
        "< 10 s", defaults.seconds() < 10));
    report.add(Figure.against(SECTION, "idle RSS after " + IDLE.toSeconds() + " s, JVM defaults", defaults.rssMib() + " MiB",
        "< 600 MB", defaults.rssMib() * 1.048576 < 600));
    Start small = start(env, "footprint-small-heap", SMALL_HEAP, true);
    String setting = String.join(" ", SMALL_HEAP);
    report.add(Figure.against(SECTION, "start-up to the first Tasklist 200, small heap (" + setting + ")",
        seconds(small.seconds()), "< 10 s", small.seconds() < 10));
    report.add(Figure.against(SECTION, "idle RSS after " + IDLE.toSeconds() + " s, small heap", small.rssMib() + " MiB",
        "< 350 MB", small.rssMib() * 1.048576 < 350));
    report.note("Footprint: each start launches the packaged jar (prod profile, demo organisation) on the same database;"
        + " start-up is from launching the process until GET " + TASKLIST + " answers 200, polled every "
        + PROBE_INTERVAL.toMillis() + " ms. With no options the JVM sizes its heap from the machine's memory (a quarter"
        + " of it at most) and picks its collector from the machine's cores.");
  }

  private record Start(double seconds, long rssMib) {
  }

  /** Launches a node, times it to the first Tasklist 200 and, if asked, measures it idle; then stops it. */
  private static Start start(BenchEnv env, String name, List<String> jvmOptions, boolean idle) throws Exception {
    AppNode node = env.prepare(name, DATABASE, jvmOptions, List.of());
    try {
      long launched = System.nanoTime();
      CompletableFuture<Long> tasklist = CompletableFuture.supplyAsync(() -> firstOk(node.base().resolve(TASKLIST)));
      node.start();
      double seconds = (tasklist.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) - launched) / 1e9;
      if (!idle) {
        return new Start(seconds, 0);
      }
      Thread.sleep(IDLE.toMillis());
      return new Start(seconds, BenchEnv.rssMib(node.pid()));
    } finally {
      env.stop(node);
    }
  }

  /** When the page first answered 200 ({@link System#nanoTime()}); refused connections mean not yet. */
  private static long firstOk(URI page) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long until = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < until) {
      try {
        int status = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return System.nanoTime();
        }
      } catch (IOException notYet) {
        // The port opens only once the web server started.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      LockSupport.parkNanos(PROBE_INTERVAL.toNanos());
    }
    throw new IllegalStateException(page + " did not answer 200 within " + START_TIMEOUT);
  }

  private static String seconds(double seconds) {
    return String.format("%.1f s", seconds);
  }
}
