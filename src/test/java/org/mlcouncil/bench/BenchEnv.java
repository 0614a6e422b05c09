package org.mlcouncil.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.mlcouncil.reliability.AppNode;

/**
 * What every part measures against, one of each per run: the embedded PostgreSQL server with
 * fsync and synchronous commit on (as a production server runs, unlike the test suite's), an
 * in-process GreenMail SMTP server, and the packaged application started as an operator runs it
 * (prod profile, demo organisation for its users), each part on a database of its own.
 */
public final class BenchEnv implements AutoCloseable {

  /** The demo users' password in the benchmark's nodes (the prod profile has no default). */
  public static final String PASSWORD = "Bench-Secret-26!";
  public static final String ADMIN_PASSWORD = "Bench-Root-Secret-26!";
  /** Linux's USER_HZ: 100 on every kernel this runs on (getconf CLK_TCK). */
  private static final long CLOCK_TICKS = 100;

  private final EmbeddedPostgres postgres;
  private final GreenMail greenMail;
  private final List<AppNode> nodes = new ArrayList<>();

  private BenchEnv(EmbeddedPostgres postgres, GreenMail greenMail) {
    this.postgres = postgres;
    this.greenMail = greenMail;
  }

  public static BenchEnv start() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        // Counts every statement per database, for the statements per lifecycle (Throughput).
        .setServerConfig("shared_preload_libraries", "pg_stat_statements");
    // -Dbench.explain.ms=100 logs the plan (with actual rows) of every statement slower than that to
    // target/bench/postgresql.log.
    Integer explainMillis = Integer.getInteger("bench.explain.ms");
    if (explainMillis != null) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
          .setServerConfig("auto_explain.log_min_duration", explainMillis + "ms")
          .setServerConfig("auto_explain.log_analyze", "on")
          // The server's own log: its output stops reaching ours once it has started.
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", Path.of("target", "bench").toAbsolutePath().toString())
          .setServerConfig("log_filename", "postgresql.log");
    }
    EmbeddedPostgres postgres = builder.start();
    GreenMail greenMail = new PromptGreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return new BenchEnv(postgres, greenMail);
  }

  public EmbeddedPostgres postgres() {
    return postgres;
  }

  public GreenMail greenMail() {
    return greenMail;
  }

  /** An empty database of this name on the server, dropped first if a part ran before. */
  public DataSource createDatabase(String name) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    return database(name);
  }

  public DataSource database(String name) {
    return postgres.getDatabase("postgres", name);
  }

  /**
   * The packaged application on the given database, started and ready; closed with the environment.
   * Extra arguments are Spring settings ({@code --name=value}).
   */
  public AppNode node(String name, String database, List<String> arguments) {
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
    // -Dbench.profile=true records the node with Java Flight Recorder, e.g. to see where a missed target goes.
    if (Boolean.getBoolean("bench.profile")) {
      // Deep stacks: the engine's command chain alone is deeper than the default 64 frames.
      jvmOptions.add("-XX:FlightRecorderOptions=stackdepth=512");
      jvmOptions.add("-XX:StartFlightRecording=settings=profile,filename="
          + Path.of("target", "bench", name + ".jfr").toAbsolutePath());
    }
    return prepare(name, database, jvmOptions, arguments).start();
  }

  /**
   * The packaged application on the given database with exactly these JVM options, not started yet
   * (e.g. to watch it from launch); closed with the environment.
   */
  public AppNode prepare(String name, String database, List<String> jvmOptions, List<String> arguments) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "SPRING_PROFILES_ACTIVE", "prod",
        "MLCOUNCIL_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database,
        "MLCOUNCIL_DB_USER", "postgres",
        "MLCOUNCIL_DB_PASSWORD", "postgres",
        "MLCOUNCIL_SMTP_HOST", "127.0.0.1",
        "MLCOUNCIL_SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()),
        "MLCOUNCIL_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "MLCOUNCIL_MAIL_FROM", "ML Council <ml-council@mlcouncil.example>"));
    List<String> all = new ArrayList<>(List.of("--mlcouncil.demo.enabled=true", "--mlcouncil.demo.password=" + PASSWORD));
    all.addAll(arguments);
    AppNode node = new AppNode(name, environment, jvmOptions, all);
    nodes.add(node);
    return node;
  }

  /** Stops a node before the environment closes, e.g. to start the next part on a quiet machine. */
  public void stop(AppNode node) {
    node.close();
    nodes.remove(node);
  }

  /** CPU time (user and system) the process has used so far, in milliseconds, from /proc. */
  public static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // The command name in parentheses may contain spaces: fields count from after its ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / CLOCK_TICKS;
    } catch (IOException | RuntimeException gone) {
      // A PostgreSQL backend may end between listing and reading it: it counts no more.
      return 0;
    }
  }

  /** CPU time of the PostgreSQL server so far: the postmaster and every backend and worker it forked. */
  public long postgresCpuMillis() {
    long postmaster = postmasterPid();
    long total = cpuMillis(postmaster) + childrenCpuOfEnded(postmaster);
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
        if (parentOf(process) == postmaster) {
          total += cpuMillis(Long.parseLong(process.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list /proc", e);
    }
    return total;
  }

  /** Resident memory of a process now, in MiB, from /proc. */
  public static long rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the memory of process " + pid, e);
    }
  }

  @Override
  public void close() throws IOException {
    new ArrayList<>(nodes).forEach(this::stop);
    greenMail.stop();
    postgres.close();
  }

  private long postmasterPid() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         var result = statement.executeQuery("select pid from pg_stat_activity where pid = pg_backend_pid()")) {
      result.next();
      return parentOf(Path.of("/proc", String.valueOf(result.getLong(1))));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot find the PostgreSQL server's process", e);
    }
  }

  /** CPU the postmaster's ended children used (cutime + cstime): backends of closed connections. */
  private static long childrenCpuOfEnded(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000 / CLOCK_TICKS;
    } catch (IOException e) {
      return 0;
    }
  }

  private static long parentOf(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
