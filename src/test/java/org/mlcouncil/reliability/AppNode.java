package org.mlcouncil.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/ml-council-<version>.jar}) in a JVM of its own, with
 * the prod profile, as an operator runs it: settings from the environment, a few more as
 * arguments so the suite states them. Its output goes to {@code target/reliability/<name>.log}.
 */
public final class AppNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port = TcpProxy.freePort();
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final List<String> jvmOptions;
  private Process process;
  private int starts;

  public AppNode(String name, Map<String, String> environment, List<String> arguments) {
    // The suite's nodes: a bounded heap, so several fit on a test machine side by side.
    this(name, environment, List.of("-Xmx512m", "-XX:+UseSerialGC"), arguments);
  }

  /** A node whose JVM gets exactly these options, e.g. none: what an operator's {@code java -jar} gets. */
  public AppNode(String name, Map<String, String> environment, List<String> jvmOptions, List<String> arguments) {
    this.name = name;
    this.environment = environment;
    this.jvmOptions = jvmOptions;
    this.arguments = arguments;
  }

  String name() {
    return name;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** How often this node was started: 1 unless it was restarted. */
  int starts() {
    return starts;
  }

  public AppNode start() {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", packagedJar().toString(), "--server.port=" + port,
        "--mlcouncil.public-base-url=" + base(),
        // The engine's host name goes into the job log, which tells which node executed a job.
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        // A restart appends to the log of the first start, which a rerun of the suite replaces.
        .redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log().toFile())
            : ProcessBuilder.Redirect.appendTo(log().toFile()));
    // Only what the suite sets: a developer's own MLCOUNCIL_* or SPRING_* must not leak in.
    builder.environment().keySet().removeIf(key -> key.startsWith("MLCOUNCIL_") || key.startsWith("SPRING_"));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log().getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    starts++;
    await(name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log());
          }
          return ready();
        });
    return this;
  }

  /** {@code /actuator/health/readiness} answers 200 now. */
  boolean ready() {
    return readiness() == 200;
  }

  /**
   * The status {@code /actuator/health/readiness} answers now, {@link Answer#NO_ANSWER} within
   * 5 s: the timeout of the compose health check.
   */
  int readiness() {
    try {
      return PROBE.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return Answer.NO_ANSWER;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.NO_ANSWER;
    }
  }

  /** The node's operating-system process id, e.g. to read its CPU time and memory from /proc. */
  public long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no transaction finishes, as in a power cut or an OOM kill. */
  void kill9() {
    process.destroyForcibly();
    waitForExit();
  }

  AppNode restart() {
    return start();
  }

  @Override
  public void close() {
    if (alive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path log() {
    return Path.of("target", "reliability", name + ".log");
  }

  /** The repackaged jar that the package phase leaves in target/, whatever the version. */
  private static Path packagedJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(file -> file.getFileName().toString().matches("ml-council-.*\\.jar"))
          .filter(file -> !file.getFileName().toString().endsWith("-plain.jar")).toList();
      if (jars.size() != 1) {
        throw new IllegalStateException("Expected one packaged jar in target/ (run ./mvnw verify, which packages "
            + "before the integration tests), found " + jars);
      }
      return jars.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
