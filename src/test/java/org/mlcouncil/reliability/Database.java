package org.mlcouncil.reliability;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.mlcouncil.notification.Announcements;

/**
 * The engine's tables, read straight from PostgreSQL (not through the nodes or the proxy): what
 * is really stored is the measure of what was lost, stuck or duplicated.
 */
final class Database {

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Asynchronous work still to do: message jobs (mail steps, screening) with retries left,
   * external tasks with retries left, whether due now or after a back-off, and task announcements
   * not sent yet. Timers (reminders days ahead) do not count.
   */
  int pendingWork() {
    return count("select count(*) from act_ru_job where type_ = 'message' and retries_ > 0")
        + count("select count(*) from act_ru_ext_task where retries_ is null or retries_ > 0")
        + count(Announcements.PENDING_COUNT);
  }

  int incidents() {
    return count("select count(*) from act_ru_incident");
  }

  /** Waits until no asynchronous work is left, e.g. after a restart or an outage. */
  Duration settle(Duration atMost) {
    long started = System.nanoTime();
    await("asynchronous work done").atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> pendingWork() == 0);
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** The business key of each stored proposal among the process instance ids; missing ids were lost. */
  Map<String, String> proposalKeys(Collection<String> instanceIds) {
    Map<String, String> keys = new HashMap<>();
    query("select id_, business_key_ from act_hi_procinst where proc_def_key_ = 'ml-proposal'",
        row -> keys.put(row.getString(1), row.getString(2)));
    keys.keySet().retainAll(instanceIds);
    return keys;
  }

  /** How many proposals were stored with the title, for every title stored more than once. */
  Map<String, Integer> titlesStoredTwice() {
    Map<String, Integer> titles = new TreeMap<>();
    query("select text_, count(*) from act_hi_varinst v join act_hi_procinst p on p.id_ = v.proc_inst_id_"
        + " where p.proc_def_key_ = 'ml-proposal' and v.name_ = 'title' and v.execution_id_ = v.proc_inst_id_"
        + " group by text_ having count(*) > 1", row -> titles.put(row.getString(1), row.getInt(2)));
    return titles;
  }

  /** Proposal business keys given to more than one proposal (each extra proposal counts once). */
  int duplicateKeys() {
    return count("select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_procinst"
        + " where proc_def_key_ = 'ml-proposal' group by business_key_ having count(*) > 1) d");
  }

  /** Of the proposals, those with an open task of their own or in the council review they called. */
  Set<String> waitingAtTask(Collection<String> proposalIds) {
    Set<String> waiting = new HashSet<>();
    query("select proc_inst_id_ from act_ru_task", row -> waiting.add(row.getString(1)));
    query("select caller.proc_inst_id_ from act_ru_execution called"
        + " join act_ru_execution caller on called.super_exec_ = caller.id_"
        + " join act_ru_task t on t.proc_inst_id_ = called.proc_inst_id_", row -> waiting.add(row.getString(1)));
    waiting.retainAll(proposalIds);
    return waiting;
  }

  /** Of the tasks, those completed (not cancelled or still open). */
  Set<String> completedTasks(Collection<String> taskIds) {
    Set<String> completed = new HashSet<>();
    query("select id_ from act_hi_taskinst where end_time_ is not null and delete_reason_ = 'completed'",
        row -> completed.add(row.getString(1)));
    completed.retainAll(taskIds);
    return completed;
  }

  /** Successful job executions per engine host name, i.e. per node. */
  Map<String, Integer> jobsDoneByHost() {
    Map<String, Integer> hosts = new TreeMap<>();
    query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_",
        row -> hosts.put(row.getString(1), row.getInt(2)));
    return hosts;
  }

  /** The ids of the proposals' called council reviews, by proposal id. */
  Map<String, String> councilReviews(Collection<String> proposalIds) {
    Map<String, String> reviews = new HashMap<>();
    query("select caller.proc_inst_id_, called.proc_inst_id_ from act_ru_execution called"
        + " join act_ru_execution caller on called.super_exec_ = caller.id_", row -> reviews.put(row.getString(1), row.getString(2)));
    reviews.keySet().retainAll(proposalIds);
    return reviews;
  }

  /** Open tasks of the process instance with the definition key, e.g. its four pod reviews. */
  List<String> openTasks(String processInstanceId, String taskDefinitionKey) {
    List<String> ids = new ArrayList<>();
    query("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?", row -> ids.add(row.getString(1)),
        processInstanceId, taskDefinitionKey);
    return ids;
  }

  /** Open tasks of the process instance with the definition key by assignee, e.g. the members' votes. */
  Map<String, String> openTasksByAssignee(String processInstanceId, String taskDefinitionKey) {
    Map<String, String> tasks = new HashMap<>();
    query("select assignee_, id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
        row -> tasks.put(row.getString(1), row.getString(2)), processInstanceId, taskDefinitionKey);
    return tasks;
  }

  private int count(String sql) {
    int[] count = new int[1];
    query(sql, row -> count[0] = row.getInt(1));
    return count[0];
  }

  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, Row reader, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the engine's tables: " + sql, e);
    }
  }
}
