package org.mlcouncil.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.mlcouncil.reliability.Answer;
import org.mlcouncil.reliability.AppNode;
import org.mlcouncil.reliability.Clicks;
import org.mlcouncil.reliability.Client;
import org.mlcouncil.reliability.Tally;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pod lead's Tasklist with many proposals behind it: {@code bench.open} proposals (1,000) wait
 * for the search pod's review, and first a tenth of {@code bench.history} (1,000), then all of it
 * (10,000) have ended. At each size sarah (search pod PM) makes every call her Tasklist makes, with
 * its own URLs, headers and bodies (read from Tasklist 7.24's scripts): start-up (filter count and
 * list), each filter's count, a filter's first page, opening a task (task, form, deployed form,
 * form variables), claim and complete; marcus (council) reads the register's first page.
 *
 * <p>History is seeded the quick way: each proposal is started over REST and deleted at once by
 * the administrator ({@code DELETE /engine-rest/process-instance/{id}}), so it is a proposal in
 * {@code ACT_HI_PROCINST} and the register ("cancelled") with its start's history, not a full
 * lifecycle's. The open proposals are real: they passed screening and their four pod reviews
 * were created and announced.
 */
final class ClicksAtScale implements BenchPart {

  private static final String SECTION = "Clicks at scale";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TARGET_MILLIS = 50;
  /** A call whose median grows by this factor from a tenth of the history to all of it grows about linearly. */
  private static final double LINEAR_GROWTH = 3;
  /** Below this growth in milliseconds a ratio is noise on a 1-ms call, not a trend. */
  private static final double NOISE_MILLIS = 5;
  /** Calls of each kind before the timed ones, so the first size is not timed on a cold JVM. */
  private static final int WARM_UP = 10;
  private static final int DELETE_ATTEMPTS = 20;
  private static final Duration CLICK_TIMEOUT = Duration.ofSeconds(60);
  /** Tasklist's request for a filter's first page (taskListQuery, camunda-tasklist-bootstrap.js). */
  private static final String FIRST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],"
      + "\"active\":true}";
  /** What the review form submits (form-js leaves out the disabled fields that only show the proposal). */
  private static final String REVIEW = "{\"variables\":{\"businessProblemScore\":{\"value\":\"4\"},"
      + "\"prioritisationScore\":{\"value\":\"3\"},\"impactCostScore\":{\"value\":\"4\"},"
      + "\"decision\":{\"value\":\"approve\"},\"comment\":{\"value\":\"\"}}}";

  /** Where each call's database time goes: {@code target/bench/clicks-<history>-<call>.txt}. */
  private Statements statements;
  /** The proposals in history while the current calls are timed. */
  private int size;
  private final int history = Integer.getInteger("bench.history", 10_000);
  private final int open = Integer.getInteger("bench.open", 1_000);
  private final int samples = Integer.getInteger("bench.samples", 30);
  private final int threads = Integer.getInteger("bench.seedThreads", 4);

  @Override
  public String name() {
    return "clicks";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) throws Exception {
    DataSource database = env.createDatabase("clicks");
    JdbcTemplate jdbc = new JdbcTemplate(database);
    statements = new Statements(env, "clicks");
    AppNode node = env.node("clicks", "clicks", List.of());
    try {
      Tally submits = new Tally();
      Client paul = new Client(node, "paul", BenchEnv.PASSWORD, CLICK_TIMEOUT, submits);
      Client admin = new Client(node, "admin", BenchEnv.ADMIN_PASSWORD, CLICK_TIMEOUT, new Tally());

      double opened = Seeding.parallel(threads, open, n -> submit(paul, "Open proposal " + n));
      report.add(Figure.info(SECTION, "seeding: open proposals submitted (" + threads + " threads)",
          perSecond(opened) + "; submit " + submits.latencies()));
      long waiting = System.nanoTime();
      await("every open proposal at its pod review").atMost(Duration.ofMinutes(60))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> Seeding.count(jdbc, "select count(*) from act_ru_task where task_def_key_ = 'reviewProposal'")
              >= 4L * open && Seeding.pendingWork(jdbc) == 0);
      report.add(Figure.info(SECTION, "seeding: until all " + open + " wait at the pod review (screening, 4 tasks, "
          + "their mails)", seconds(System.nanoTime() - waiting)));

      int first = Math.max(1, history / 10);
      Map<String, Latencies> small = atHistory(first, jdbc, admin, node, report);
      Map<String, Latencies> large = atHistory(history, jdbc, admin, node, report);

      List<String> linear = new ArrayList<>();
      for (String call : small.keySet()) {
        Latencies before = small.get(call);
        Latencies after = large.get(call);
        double growth = after.p50() / before.p50();
        String value = String.format(Locale.ROOT, "%d: p50 %.1f / p95 %.1f ms; %d: p50 %.1f / p95 %.1f ms; p50 ×%.2f",
            first, before.p50(), before.p95(), history, after.p50(), after.p95(), growth);
        report.add(Figure.against(SECTION, call + " (history " + first + " → " + history + ", " + open + " open)",
            value, "p95 < 50 ms at " + history, after.p95() < TARGET_MILLIS));
        if (growth > LINEAR_GROWTH && after.p50() - before.p50() > NOISE_MILLIS) {
          linear.add(call);
        }
      }
      report.add(Figure.against(SECTION, "calls whose p50 grows > ×" + LINEAR_GROWTH + " (and > " + NOISE_MILLIS
          + " ms) from " + first + " to " + history + " history", linear.isEmpty() ? "none" : String.join("; ", linear),
          "none", linear.isEmpty()));
    } finally {
      env.stop(node);
    }
  }

  /** Tops the ended proposals up to {@code ended}, then times every call at that size. */
  private Map<String, Latencies> atHistory(int ended, JdbcTemplate jdbc, Client admin, AppNode node,
                                           BenchReport report) throws Exception {
    int missing = (int) (ended - Seeding.count(jdbc,
        "select count(*) from act_hi_procinst where proc_def_key_ = 'ml-proposal' and end_time_ is not null"));
    if (missing > 0) {
      // The key generator reads history, so submitting is timed as history grows.
      Tally submits = new Tally();
      Client proposer = new Client(node, "paul", BenchEnv.PASSWORD, CLICK_TIMEOUT, submits);
      double took = Seeding.parallel(threads, missing, n -> {
        Answer started = submit(proposer, "Past proposal " + ended + "-" + n);
        deleteByAdmin(admin, started.id());
      });
      report.add(Figure.info(SECTION, "seeding: history to " + ended + " (submit + delete, " + threads + " threads)",
          String.format(Locale.ROOT, "%.1f proposals/s; submit %s", missing / took, submits.latencies())));
    }
    await("history written").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
        .until(() -> Seeding.pendingWork(jdbc) == 0);
    // Autovacuum would analyze the seeded tables within minutes; plans on stale statistics would
    // time the seeding, not the platform.
    jdbc.execute("analyze");
    size = ended;
    return measure(node);
  }

  private Map<String, Latencies> measure(AppNode node) throws Exception {
    WebappClient sarah = WebappClient.login(node, "sarah", BenchEnv.PASSWORD);
    WebappClient marcus = WebappClient.login(node, "marcus", BenchEnv.PASSWORD);
    Client marcusApi = new Client(node, "marcus", BenchEnv.PASSWORD, CLICK_TIMEOUT, new Tally());
    Map<String, Latencies> calls = new LinkedHashMap<>();

    // Tasklist's start: how many filters, then the list of them (itemCount false: no counts).
    time(calls, "filter count (Tasklist start)", () -> sarah.engine("GET",
        "/filter/count?itemCount=false&resourceType=Task", null));
    time(calls, "filter list (Tasklist start)", () -> sarah.engine("GET",
        "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", null));
    // The list with every filter's count, as the figures asked it (the engine counts each filter's tasks).
    time(calls, "filter list with counts (itemCount=true)", () -> sarah.engine("GET",
        "/filter?resourceType=Task&itemCount=true", null));
    Map<String, String> filters = new LinkedHashMap<>();
    JSON.readTree(sarah.engine("GET", "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", null)
        .body()).forEach(filter -> filters.put(filter.get("name").asText(), filter.get("id").asText()));
    List<String> filterIds = List.copyOf(filters.values());
    AtomicInteger next = new AtomicInteger();
    time(calls, "a filter's count (each of " + filterIds.size() + ")", () -> sarah.engine("GET",
        "/filter/" + filterIds.get(next.getAndIncrement() % filterIds.size()) + "/count", null));
    String podReviews = filters.get("Pod reviews");
    time(calls, "first page, Pod reviews (Tasklist's HAL request)", () -> sarah.engine("POST",
        "/filter/" + podReviews + "/list?firstResult=0&maxResults=15", FIRST_PAGE));
    time(calls, "first page, My group's tasks (HAL)", () -> sarah.engine("POST",
        "/filter/" + filters.get("My group's tasks") + "/list?firstResult=0&maxResults=15", FIRST_PAGE));
    time(calls, "first page, Pod reviews as plain JSON (not Tasklist's)", () -> sarah.engine("POST",
        "/filter/" + podReviews + "/list?firstResult=0&maxResults=15", FIRST_PAGE, "application/json"));

    int warmUpTasks = WARM_UP / 2;
    List<String> tasks = StreamSupport.stream(JSON.readTree(sarah.engine("POST", "/filter/" + podReviews
            + "/list?firstResult=0&maxResults=" + (warmUpTasks + samples), FIRST_PAGE, "application/json").body())
            .spliterator(), false)
        .filter(task -> task.get("assignee").isNull()).map(task -> task.get("id").asText()).toList();
    if (tasks.size() < warmUpTasks + samples) {
      throw new IllegalStateException("Only " + tasks.size() + " unclaimed pod reviews left for sarah");
    }
    // Opening a task as Tasklist does, then claiming and completing it: each sample a task of its own.
    for (int i = 0; i < tasks.size(); i++) {
      String task = tasks.get(i);
      Map<String, Latencies> into = i < warmUpTasks ? new HashMap<>() : calls;
      timeOnce(into, "open task: GET task/{id}", () -> sarah.engine("GET", "/task/" + task, null));
      timeOnce(into, "open task: GET task/{id}/form", () -> sarah.engine("GET", "/task/" + task + "/form", null));
      timeOnce(into, "open task: GET task/{id}/deployed-form", () -> sarah.engine("GET",
          "/task/" + task + "/deployed-form?noCache=" + System.currentTimeMillis(), null, "*/*"));
      timeOnce(into, "open task: GET task/{id}/form-variables", () -> sarah.engine("GET",
          "/task/" + task + "/form-variables?deserializeValues=false", null));
      timeOnce(into, "claim", () -> sarah.engine("POST", "/task/" + task + "/claim", "{\"userId\":\"sarah\"}"));
      timeOnce(into, "complete (submit-form, 1st of 4 reviews)", () -> sarah.engine("POST",
          "/task/" + task + "/submit-form", REVIEW));
    }
    time(calls, "register first page (HTML, marcus)", () -> marcus.page("/register"));
    time(calls, "register first page (GET /api/register/items, marcus)", () -> {
      Answer answer = marcusApi.get("/api/register/items");
      if (!answer.acknowledged()) {
        throw new IllegalStateException("The register answered " + answer);
      }
      return new WebappClient.Timed(answer.status(), answer.body(), answer.millis());
    });
    return calls;
  }

  /** Untimed calls to warm the node (JIT, caches), then {@code samples} timed ones. */
  private void time(Map<String, Latencies> calls, String name, Supplier<WebappClient.Timed> call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.get();
    }
    statements.reset();
    for (int i = 0; i < samples; i++) {
      timeOnce(calls, name, call);
    }
    statements.write("clicks-" + size + "-" + name, samples, "sample");
  }

  private static void timeOnce(Map<String, Latencies> calls, String name,
                               Supplier<WebappClient.Timed> call) {
    calls.computeIfAbsent(name, key -> new Latencies()).add(call.get().millis());
  }

  private static Answer submit(Client proposer, String title) {
    return Seeding.expectOk(Clicks.submitProposal(proposer, title));
  }

  /**
   * The proposal's first jobs (receipt, screening) may be running on the job executor: a conflict
   * (500, optimistic locking) is retried after a pause, as an administrator would click again.
   */
  private static void deleteByAdmin(Client admin, String processInstanceId) {
    for (int attempt = 1; ; attempt++) {
      Answer deleted = admin.delete("/engine-rest/process-instance/" + processInstanceId);
      if (deleted.acknowledged()) {
        return;
      }
      if (attempt == DELETE_ATTEMPTS) {
        throw new IllegalStateException("Deleting proposal " + processInstanceId + " answered " + deleted);
      }
      try {
        Thread.sleep(100L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private String perSecond(double seconds) {
    return String.format(Locale.ROOT, "%.1f proposals/s", open / seconds);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
