package org.mlcouncil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.mlcouncil.notification.Announcements;
import org.mlcouncil.reliability.AppNode;
import org.mlcouncil.reliability.Answer;
import org.mlcouncil.reliability.Clicks;
import org.mlcouncil.reliability.Client;
import org.mlcouncil.reliability.Tally;

/**
 * Lifecycles per second of our proposal process against a bare process of the same shape, both in
 * the same running node and driven by the same client code as the real users: paul starts, the
 * search pod's four leads each find, claim and complete their task, the four council members each
 * find and complete theirs. Ours runs until the proposal waits for the ML Review, every receipt
 * and task announcement mailed; the bare one (src/test/resources/bench/bare-lifecycle.bpmn) ends
 * after one asynchronous no-op step. Each measurement (1, 2, 4 client threads, bare then ours, so
 * both see the same machine at nearly the same moment) runs {@code -Dbench.lifecycles} (200)
 * lifecycles after a warm-up of {@code -Dbench.warmup} (50) of each, so the JIT compilation is mostly done.
 */
final class Throughput implements BenchPart {

  private static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 200);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
  /** How often a person's client looks again for the next task while the process moves on. */
  private static final Duration POLL = Duration.ofMillis(Long.getLong("bench.poll.millis", 20));
  private static final List<Integer> THREADS = List.of(1, 2, 4);
  private static final String DATABASE = "bench_throughput";
  private static final String SECTION = "Throughput";
  private static final Duration CLICK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
  /**
   * PostgreSQL 17 backends flush their statistics at most once a second, and an idle one only
   * after 10 s: the database counters are read after this long without lifecycles.
   */
  private static final Duration STATS_FLUSH = Duration.ofSeconds(11);
  private static final int MOST_FREQUENT = 8;
  private static final int QUERY_SHOWN = 90;
  private static final List<String> LEADS = List.of("sarah", "sam", "sofia", "simon");

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) throws Exception {
    DataSource nodeDatabase = env.createDatabase(DATABASE);
    AppNode node = env.node("throughput", DATABASE, List.of());
    try {
      Client admin = new Client(node, "admin", BenchEnv.ADMIN_PASSWORD, CLICK_TIMEOUT, new Tally());
      deployBare(node);
      // paul may start the bare process as he starts a proposal; tasks are open to their candidates and assignee.
      ok(admin.post("/engine-rest/authorization/create", Map.of("type", 1, "userId", "paul", "resourceType", 6,
          "resourceId", "bench-bare", "permissions", List.of("READ", "CREATE_INSTANCE"))));
      try (Probe probe = new Probe(env, nodeDatabase)) {
        measureAll(env, node, probe, report);
      }
    } finally {
      env.stop(node);
    }
  }

  private void measureAll(BenchEnv env, AppNode node, Probe probe, BenchReport report) throws Exception {
    Map<Kind, Map<Integer, Measurement>> results = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      measure(env, node, probe, kind, 2, WARMUP);
      results.put(kind, new LinkedHashMap<>());
    }
    for (int threads : THREADS) {
      for (Kind kind : Kind.values()) {
        results.get(kind).put(threads, measure(env, node, probe, kind, threads, LIFECYCLES));
      }
    }
    report(report, results);
    writeProfile(probe, results);
    report.note("Throughput: " + LIFECYCLES + " lifecycles per measurement after " + WARMUP + " of each as warm-up, "
        + "one node (packaged jar, prod profile, -Xmx512m -XX:+UseSerialGC) on a database of its own; clients poll "
        + "for the next task every " + POLL.toMillis() + " ms. A lifecycle counts once it reached its end (bare: "
        + "ended; ours: waiting at awaitMlReview). CPU is from the lifecycles' start until the mail backlog drained. "
        + "Statements are pg_stat_statements calls of SELECT, INSERT, UPDATE and DELETE in the node's database; "
        + "transactions and rows written (inserted + updated + deleted) are pg_stat_database deltas, read "
        + STATS_FLUSH.toSeconds() + " s after each measurement so every backend has flushed; the benchmark's own "
        + "progress queries are left out.");
  }

  /** The two processes measured, each with what its people send. */
  private enum Kind {
    BARE("bare") {
      @Override
      Answer start(Client proposer, int number) {
        return proposer.post("/engine-rest/process-definition/key/bench-bare/start", Map.of());
      }

      @Override
      String votesOf(JsonNode started) {
        return "processInstanceId=" + started.get("id").asText();
      }

      @Override
      Answer review(Client lead, String task) {
        return lead.post("/engine-rest/task/" + task + "/complete", Map.of());
      }

      @Override
      Answer vote(Client member, String task) {
        return member.post("/engine-rest/task/" + task + "/complete", Map.of());
      }

      @Override
      String finishedSql() {
        return "select count(*) from act_hi_procinst where proc_def_key_ = 'bench-bare' and end_time_ is not null";
      }
    },
    OURS("ours") {
      @Override
      Answer start(Client proposer, int number) {
        return Clicks.submitProposal(proposer, "Benchmark proposal " + number);
      }

      /** The votes are tasks of the council review the proposal calls, which carries its business key. */
      @Override
      String votesOf(JsonNode started) {
        return "processInstanceBusinessKey=" + started.get("businessKey").asText();
      }

      @Override
      Answer review(Client lead, String task) {
        return Clicks.approveReview(lead, task);
      }

      @Override
      Answer vote(Client member, String task) {
        return Clicks.approveVote(member, task);
      }

      @Override
      String finishedSql() {
        return "select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
            + " where d.key_ = 'council-review' and e.act_id_ = 'awaitMlReview'";
      }
    };

    final String label;

    Kind(String label) {
      this.label = label;
    }

    abstract Answer start(Client proposer, int number);

    /** The task query that finds this lifecycle's votes, from the answer to its start. */
    abstract String votesOf(JsonNode started);

    abstract Answer review(Client lead, String task);

    abstract Answer vote(Client member, String task);

    /** How many lifecycles of this kind reached their end so far. */
    abstract String finishedSql();
  }

  private record Measurement(int lifecycles, double seconds, long jvmMillis, long postgresMillis, long benchMillis,
                             long statements,
                             long transactions, long rowsWritten, int mails, double drainSeconds, int retried,
                             int requests, Map<String, Long> calls) {

    double perSecond() {
      return lifecycles / seconds;
    }

    double per(long total) {
      return (double) total / lifecycles;
    }
  }

  private final Map<Kind, AtomicInteger> started = new LinkedHashMap<>(Map.of(Kind.BARE, new AtomicInteger(),
      Kind.OURS, new AtomicInteger()));

  private Measurement measure(BenchEnv env, AppNode node, Probe probe, Kind kind, int threads, int lifecycles)
      throws Exception {
    Probe.Counters before = probe.counters();
    long jvmBefore = BenchEnv.cpuMillis(node.pid());
    long postgresBefore = env.postgresCpuMillis();
    long benchBefore = BenchEnv.cpuMillis(ProcessHandle.current().pid());
    int mailsBefore = probe.mails();
    long began = System.nanoTime();
    AtomicInteger remaining = new AtomicInteger(lifecycles);
    AtomicInteger retried = new AtomicInteger();
    AtomicLong lastClick = new AtomicLong();
    Tally requests = new Tally();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int n = 0; n < threads; n++) {
        clients.add(pool.submit(() -> {
          People people = new People(node, requests);
          while (remaining.getAndDecrement() > 0) {
            lifecycle(kind, people, started.get(kind).incrementAndGet(), retried);
          }
          lastClick.accumulateAndGet(System.nanoTime(), Math::max);
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int expected = started.get(kind).get();
    long finished = probe.awaitCount(kind.finishedSql(), expected, STEP_TIMEOUT);
    long drained = probe.awaitMailDrained(STEP_TIMEOUT);
    long jvm = BenchEnv.cpuMillis(node.pid()) - jvmBefore;
    long postgres = env.postgresCpuMillis() - postgresBefore;
    long bench = BenchEnv.cpuMillis(ProcessHandle.current().pid()) - benchBefore;
    int mails = probe.mails() - mailsBefore;
    Thread.sleep(STATS_FLUSH.toMillis());
    Probe.Counters after = probe.counters();
    return new Measurement(lifecycles, (finished - began) / 1e9, jvm, postgres, bench,
        after.statements() - before.statements(), after.transactions() - before.transactions(),
        after.rowsWritten() - before.rowsWritten(), mails, Math.max(0, drained - lastClick.get()) / 1e9, retried.get(),
        requests.total(), delta(before.calls(), after.calls()));
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach((query, calls) -> delta.put(query, calls - before.getOrDefault(query, 0L)));
    return delta;
  }

  /** One person's clients: the proposer, the four leads and the four council members. */
  private static final class People {
    final Client proposer;
    final Map<String, Client> leads = new LinkedHashMap<>();
    final Map<String, Client> members = new LinkedHashMap<>();

    People(AppNode node, Tally requests) {
      proposer = client(node, "paul", requests);
      LEADS.forEach(lead -> leads.put(lead, client(node, lead, requests)));
      Clicks.VOTERS.forEach(member -> members.put(member, client(node, member, requests)));
    }

    private static Client client(AppNode node, String user, Tally requests) {
      return new Client(node, user, BenchEnv.PASSWORD, CLICK_TIMEOUT, requests);
    }
  }

  /** One lifecycle as its people click it, each waiting until their task is there. */
  private static void lifecycle(Kind kind, People people, int number, AtomicInteger retried) {
    JsonNode started = retrying(() -> kind.start(people.proposer, number), retried).json();
    String instance = started.get("id").asText();
    people.leads.forEach((name, lead) -> {
      String task = awaitTask(lead, "processInstanceId=" + instance + "&candidateGroup="
          + Clicks.SEARCH_POD_LEADS.get(name) + "&includeAssignedTasks=true");
      retrying(() -> Clicks.claim(lead, task), retried);
      retrying(() -> kind.review(lead, task), retried);
    });
    String votes = kind.votesOf(started);
    people.members.forEach((name, member) -> {
      String task = awaitTask(member, votes + "&assignee=" + name);
      retrying(() -> kind.vote(member, task), retried);
    });
  }

  private static String awaitTask(Client user, String query) {
    long until = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < until) {
      JsonNode tasks = ok(user.get("/engine-rest/task?" + query)).json();
      if (!tasks.isEmpty()) {
        return tasks.get(0).get("id").asText();
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    throw new IllegalStateException(user.user() + " found no task for " + query + " within " + STEP_TIMEOUT);
  }

  /**
   * A click answered with a server error is clicked again, as a person would, up to twice more;
   * the retries are reported.
   */
  private static Answer retrying(Supplier<Answer> click, AtomicInteger retried) {
    Answer answer = click.get();
    for (int attempt = 0; attempt < 2 && !answer.acknowledged(); attempt++) {
      retried.incrementAndGet();
      answer = click.get();
    }
    return ok(answer);
  }

  private static Answer ok(Answer answer) {
    if (!answer.acknowledged()) {
      throw new IllegalStateException("Refused: " + answer);
    }
    return answer;
  }

  private static void deployBare(AppNode node) throws IOException, InterruptedException {
    byte[] model;
    try (InputStream resource = Throughput.class.getResourceAsStream("/bench/bare-lifecycle.bpmn")) {
      model = resource.readAllBytes();
    }
    String boundary = "bench" + System.nanoTime();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-bare\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bare-lifecycle.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), model, tail.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            node.base().resolve("/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + BenchEnv.ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Deploying the bare process: " + response.statusCode() + " " + response.body());
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static void report(BenchReport report, Map<Kind, Map<Integer, Measurement>> results) {
    Map<Integer, Measurement> bare = results.get(Kind.BARE);
    Map<Integer, Measurement> ours = results.get(Kind.OURS);
    for (Kind kind : Kind.values()) {
      Map<Integer, Measurement> of = results.get(kind);
      String name = kind.label;
      report.add(Figure.info(SECTION, name + ": lifecycles/s with " + threadsLabel(), each(of,
          m -> String.format("%.2f", m.perSecond()))));
      report.add(Figure.info(SECTION, name + ": CPU ms per lifecycle, total (JVM + PostgreSQL), " + threadsLabel(),
          each(of, m -> String.format("%.0f (%.0f + %.0f)", m.per(m.jvmMillis() + m.postgresMillis()),
              m.per(m.jvmMillis()), m.per(m.postgresMillis())))));
      // The same two cores run the clients and the SMTP server: what they take is not the node's to spend.
      report.add(Figure.info(SECTION, name + ": CPU ms per lifecycle of the benchmark's own JVM (clients, SMTP "
          + "server, progress queries), " + threadsLabel(), each(of, m -> String.format("%.0f", m.per(m.benchMillis())))));
      report.add(Figure.info(SECTION, name + ": SQL statements / transactions / rows written per lifecycle, "
          + threadsLabel(), each(of, m -> String.format("%.0f, %.0f, %.0f", m.per(m.statements()),
          m.per(m.transactions()), m.per(m.rowsWritten())))));
      report.add(Figure.info(SECTION, name + ": client requests per lifecycle (clicks and looking for the next task), "
          + threadsLabel(), each(of, m -> String.format("%.1f", m.per(m.requests())))));
      report.add(Figure.info(SECTION, name + ": mails per lifecycle, " + threadsLabel(),
          each(of, m -> String.format("%.2f", m.per(m.mails())))));
      int retries = of.values().stream().mapToInt(Measurement::retried).sum();
      report.add(Figure.info(SECTION, name + ": clicks answered with an error and retried", String.valueOf(retries)));
    }
    report.add(Figure.info(SECTION, "ours / bare lifecycles/s, " + threadsLabel(),
        THREADS.stream().map(threads -> ratio(ours.get(threads), bare.get(threads))).collect(Collectors.joining(" / "))));
    double atTwo = ours.get(2).perSecond() / bare.get(2).perSecond();
    report.add(Figure.against(SECTION, "ours / bare lifecycles/s at 2 threads", String.format("%.2f", atTwo),
        "≥ 0.8", atTwo >= 0.8));
    report.add(Figure.info(SECTION, "ours / bare CPU per lifecycle, " + threadsLabel(), THREADS.stream()
        .map(threads -> String.format("%.2f", cpu(ours.get(threads)) / cpu(bare.get(threads))))
        .collect(Collectors.joining(" / "))));
    for (Kind kind : Kind.values()) {
      Measurement atTwoThreads = results.get(kind).get(2);
      report.note("Throughput, " + kind.label + " at 2 threads, the most frequent SQL statements per lifecycle: "
          + atTwoThreads.calls().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(MOST_FREQUENT).map(entry -> String.format("%.1f × `%s`", atTwoThreads.per(entry.getValue()),
              abbreviate(entry.getKey()))).collect(Collectors.joining("; ")) + ".");
    }
    double worstDrain = ours.values().stream().mapToDouble(Measurement::drainSeconds).max().orElseThrow();
    report.add(Figure.against(SECTION, "ours: mail backlog drained after the last click, " + threadsLabel(),
        each(ours, m -> String.format("%.1f s", m.drainSeconds())), "< 10 s", worstDrain < 10));
  }

  /**
   * Where the statements and history rows go, for whoever looks for the cost: every statement per
   * lifecycle at 2 threads, and the history rows of each process and variable over every lifecycle run.
   */
  private void writeProfile(Probe probe, Map<Kind, Map<Integer, Measurement>> results) throws Exception {
    Path folder = Path.of("target", "bench");
    Files.createDirectories(folder);
    for (Kind kind : Kind.values()) {
      Measurement atTwoThreads = results.get(kind).get(2);
      Files.write(folder.resolve("statements-" + kind.label + ".txt"), atTwoThreads.calls().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .map(entry -> String.format("%8.1f  %s", atTwoThreads.per(entry.getValue()), entry.getKey())).toList());
    }
    int lifecycles = started.values().stream().mapToInt(AtomicInteger::get).sum();
    Files.write(folder.resolve("history-rows.txt"), probe.historyRows(lifecycles));
  }

  private static String abbreviate(String query) {
    return query.length() <= QUERY_SHOWN ? query : query.substring(0, QUERY_SHOWN) + "…";
  }

  private static String threadsLabel() {
    return THREADS.stream().map(String::valueOf).collect(Collectors.joining(" / ")) + " threads";
  }

  private static String each(Map<Integer, Measurement> of, Function<Measurement, String> figure) {
    return THREADS.stream().map(threads -> figure.apply(of.get(threads))).collect(Collectors.joining(" / "));
  }

  private static String ratio(Measurement ours, Measurement bare) {
    return String.format("%.2f", ours.perSecond() / bare.perSecond());
  }

  private static double cpu(Measurement measurement) {
    return measurement.per(measurement.jvmMillis() + measurement.postgresMillis());
  }

  /**
   * What the benchmark reads besides the node's answers: the node's tables (progress), the
   * server's statistics and the SMTP server. Its own queries on the node's database are counted,
   * so they can be taken out of the statistics.
   */
  private static final class Probe implements AutoCloseable {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration MAIL_QUIET = Duration.ofSeconds(1);
    /** Mails not sent yet: external tasks of mail steps, the jobs due now that lead to them, task announcements. */
    private static final String MAIL_PENDING = "select (select count(*) from act_ru_ext_task where topic_name_ = 'mail')"
        + " + (select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now()))"
        + " + (" + Announcements.PENDING_COUNT + ")";

    private final BenchEnv env;
    /** One connection for every progress query: a connection per query would fork a backend each time. */
    private final Connection nodeDatabase;
    private final AtomicLong ownQueries = new AtomicLong();

    Probe(BenchEnv env, DataSource nodeDatabase) throws SQLException {
      this.env = env;
      this.nodeDatabase = nodeDatabase.getConnection();
      try (Connection connection = env.postgres().getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("create extension if not exists pg_stat_statements");
      }
    }

    /** Counters of the node's database; {@code calls} per statement (normalised text), for the most frequent. */
    record Counters(long statements, long transactions, long rowsWritten, Map<String, Long> calls) {
    }

    Counters counters() throws SQLException {
      try (Connection connection = env.postgres().getPostgresDatabase().getConnection();
           PreparedStatement database = connection.prepareStatement("select xact_commit + xact_rollback,"
               + " tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = ?");
           PreparedStatement statements = connection.prepareStatement("select regexp_replace(s.query, '\\s+', ' ', 'g'),"
               + " sum(s.calls) from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?"
               + " and s.query ~* '^\\s*(select|insert|update|delete|with)\\M' group by 1")) {
        try (Statement clear = connection.createStatement()) {
          clear.execute("select pg_stat_clear_snapshot()");
        }
        database.setString(1, DATABASE);
        statements.setString(1, DATABASE);
        try (ResultSet row = database.executeQuery(); ResultSet rows = statements.executeQuery()) {
          row.next();
          Map<String, Long> calls = new HashMap<>();
          while (rows.next()) {
            calls.put(rows.getString(1), rows.getLong(2));
          }
          // The probe's own queries start with its comment, so only its transactions need taking out.
          return new Counters(calls.values().stream().mapToLong(Long::longValue).sum(), row.getLong(1) - ownQueries.get(),
              row.getLong(2), calls);
        }
      }
    }

    /** History rows per lifecycle (of both kinds together) by table, process and variable. */
    List<String> historyRows(int lifecycles) throws SQLException {
      List<String> lines = new ArrayList<>();
      for (String sql : List.of(
          "select 'ACT_HI_DETAIL', proc_def_key_, name_, count(*) from act_hi_detail group by 2, 3",
          "select 'ACT_HI_VARINST', proc_def_key_, name_, count(*) from act_hi_varinst group by 2, 3",
          "select 'ACT_HI_ACTINST', proc_def_key_, act_type_, count(*) from act_hi_actinst group by 2, 3",
          "select 'ACT_HI_PROCINST', proc_def_key_, '', count(*) from act_hi_procinst group by 2",
          "select 'ACT_HI_TASKINST', proc_def_key_, task_def_key_, count(*) from act_hi_taskinst group by 2, 3",
          "select 'ACT_HI_IDENTITYLINK', proc_def_key_, type_, count(*) from act_hi_identitylink group by 2, 3",
          "select 'ACT_HI_EXT_TASK_LOG', proc_def_key_, act_id_, count(*) from act_hi_ext_task_log group by 2, 3",
          "select 'ACT_HI_JOB_LOG', process_def_key_, act_id_, count(*) from act_hi_job_log group by 2, 3",
          "select 'ACT_HI_OP_LOG', proc_def_key_, operation_type_, count(*) from act_hi_op_log group by 2, 3",
          "select 'ACT_GE_BYTEARRAY', type_::text, name_, count(*) from act_ge_bytearray group by 2, 3")) {
        try (Statement statement = nodeDatabase.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
          ownQueries.incrementAndGet();
          while (rows.next()) {
            lines.add(String.format("%8.2f  %-20s %-24s %s", rows.getLong(4) / (double) lifecycles, rows.getString(1),
                rows.getString(2), rows.getString(3)));
          }
        }
      }
      lines.sort(Comparator.reverseOrder());
      return lines;
    }

    int mails() {
      return env.greenMail().getReceivedMessages().length;
    }

    /** Waits until the query counts at least {@code expected}; returns when ({@link System#nanoTime()}). */
    long awaitCount(String sql, long expected, Duration timeout) throws SQLException {
      long until = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < until) {
        if (count(sql) >= expected) {
          return System.nanoTime();
        }
        LockSupport.parkNanos(INTERVAL.toNanos());
      }
      throw new IllegalStateException("Still fewer than " + expected + " after " + timeout + ": " + sql);
    }

    /**
     * Waits until no mail step is pending and the SMTP server received nothing more for a second;
     * returns when that quiet began ({@link System#nanoTime()}).
     */
    long awaitMailDrained(Duration timeout) throws SQLException {
      long until = System.nanoTime() + timeout.toNanos();
      long quietSince = -1;
      int received = -1;
      while (System.nanoTime() < until) {
        long now = System.nanoTime();
        int mails = mails();
        if (count(MAIL_PENDING) > 0) {
          quietSince = -1;
        } else if (mails != received || quietSince < 0) {
          quietSince = now;
          received = mails;
        } else if (now - quietSince >= MAIL_QUIET.toNanos()) {
          return quietSince;
        }
        LockSupport.parkNanos(INTERVAL.toNanos());
      }
      throw new IllegalStateException("Mail still pending after " + timeout);
    }

    private long count(String sql) throws SQLException {
      ownQueries.incrementAndGet();
      try (Statement statement = nodeDatabase.createStatement();
           ResultSet row = statement.executeQuery("/* bench probe */ " + sql)) {
        row.next();
        return row.getLong(1);
      }
    }

    @Override
    public void close() throws SQLException {
      nodeDatabase.close();
    }
  }
}
