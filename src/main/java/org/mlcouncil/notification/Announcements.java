package org.mlcouncil.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.platform.TextLimits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task announcements waiting to be mailed, {@code MLC_TASK_MAIL}: one row per announcement,
 * written by {@link TaskAnnouncer} in the transaction that creates the task, so it exists exactly
 * when the task does. A row is all an announcement costs while mail flows; a process instance per
 * task (an execution, its variables, an external task, their history) cost about 35 statements.
 * The mail steps a flow does not wait for ({@link MailAnnouncer}, e.g. a receipt) are rows too,
 * with the step's name.
 *
 * <p>The senders of {@link MailWorker} claim a row with a lock of their own (a node that dies
 * mid-send leaves it to another sender once the lock ends, and the copy sent again carries the
 * same Message-ID, the row's id). A send that fails hands the row over to a {@code
 * task-notification} instance, whose external mail step then waits the retry delays and ends in
 * a Cockpit incident like every other mail: only the first try takes the short way.
 *
 * <p>Sent rows, also those handed over and sent by their instance, are the item's record that its
 * task was announced or its mail step sent (the register's timeline), and are deleted after
 * {@link MailProperties#announcementRetention()}.
 */
@Component
public class Announcements {

  static final String TABLE = "MLC_TASK_MAIL";
  /** On a handed-over announcement: the Message-ID its first try carried. */
  static final String MESSAGE_KEY = "mailMessageKey";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };
  /** Announcements not sent yet and not handed over: waiting, or in a sender's hands. */
  public static final String PENDING_COUNT = "select count(*) from " + TABLE
      + " where SENT_ is null and HANDED_OVER_ is null";
  /** Rows a sender looks at when it claims one: senders rarely all want the same. */
  private static final int CANDIDATES = 8;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final AtomicLong added = new AtomicLong();

  public Announcements(JdbcTemplate jdbc, ObjectMapper json, RuntimeService runtimeService,
                       TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.json = json;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  @PostConstruct
  void createTable() {
    jdbc.execute("create table if not exists " + TABLE + " (ID_ varchar(64) primary key, "
        + "BUSINESS_KEY_ varchar(255), PROC_INST_ID_ varchar(64), PROC_DEF_KEY_ varchar(255), TASK_ID_ varchar(64), "
        + "VARIABLES_ varchar(1000000) not null, CREATED_ timestamp not null, LOCK_OWNER_ varchar(255), "
        + "LOCK_EXP_ timestamp, SENT_ timestamp, UNREACHABLE_ varchar(4000), HANDED_OVER_ varchar(64), "
        + "STEP_ varchar(255))");
    // Tables made before mail steps were announced too.
    jdbc.execute("alter table " + TABLE + " add column if not exists STEP_ varchar(255)");
    jdbc.execute("create index if not exists MLC_IDX_TASK_MAIL_OPEN on " + TABLE + " (SENT_, HANDED_OVER_)");
    jdbc.execute("create index if not exists MLC_IDX_TASK_MAIL_KEY on " + TABLE + " (BUSINESS_KEY_)");
  }

  /**
   * Records an announcement in the current engine command's transaction; the senders are woken
   * once it commits.
   *
   * @param taskId the task announced, if it is a task announcement
   * @param step the name of the mail step announced, if it is one
   */
  void add(String businessKey, String processInstanceId, String processDefinitionKey, String taskId, String step,
           Map<String, Object> variables) {
    jdbc.update("insert into " + TABLE + " (ID_, BUSINESS_KEY_, PROC_INST_ID_, PROC_DEF_KEY_, TASK_ID_, STEP_, "
            + "VARIABLES_, CREATED_) values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), businessKey,
        processInstanceId, processDefinitionKey, taskId, step, write(variables), now());
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> committed());
    } else {
      committed();
    }
  }

  private void committed() {
    added.incrementAndGet();
    ProcessEngineImpl.EXT_TASK_CONDITIONS.signalAll();
  }

  /**
   * How many announcements this node committed so far: a sender that found none looks again when
   * this changed, not after every mail step it sends (1,400 decision mails would each pay a query).
   */
  long added() {
    return added.get();
  }

  /** Locks a waiting announcement for this sender, if there is one. */
  Optional<Announcement> claim(String workerId, Duration lockDuration) {
    Timestamp now = now();
    // A row never changes but for its lock and outcome, so what is read before locking it is what is sent.
    List<Waiting> candidates = new ArrayList<>(jdbc.query("select ID_, BUSINESS_KEY_, PROC_INST_ID_, PROC_DEF_KEY_, "
        + "VARIABLES_ from " + TABLE
        + " where SENT_ is null and HANDED_OVER_ is null and (LOCK_EXP_ is null or LOCK_EXP_ < ?)"
        + " fetch first " + CANDIDATES + " rows only", (row, number) -> new Waiting(row.getString(1),
        row.getString(2), row.getString(3), row.getString(4), row.getString(5)), now));
    Collections.shuffle(candidates);
    Timestamp until = Timestamp.from(now.toInstant().plus(lockDuration));
    for (Waiting candidate : candidates) {
      // The condition again: whoever updates first owns it, the other finds no row.
      int locked = jdbc.update("update " + TABLE + " set LOCK_OWNER_ = ?, LOCK_EXP_ = ? where ID_ = ?"
          + " and SENT_ is null and HANDED_OVER_ is null and (LOCK_EXP_ is null or LOCK_EXP_ < ?)",
          workerId, until, candidate.id(), now);
      if (locked == 1) {
        return Optional.of(new Announcement(candidate.id(), candidate.businessKey(), candidate.processInstanceId(),
            candidate.processDefinitionKey(), read(candidate.variables())));
      }
    }
    return Optional.empty();
  }

  /** @return false when the lock was no longer this sender's (another one may send it again) */
  boolean sent(Announcement announcement, String workerId, List<String> unreachable) {
    return jdbc.update("update " + TABLE + " set SENT_ = ?, UNREACHABLE_ = ?, LOCK_OWNER_ = null, LOCK_EXP_ = null"
            + " where ID_ = ? and LOCK_OWNER_ = ? and SENT_ is null", now(),
        unreachable.isEmpty() ? null : TextLimits.lines(unreachable), announcement.id(), workerId) == 1;
  }

  /**
   * Starts the {@code task-notification} instance that sends the announcement from now on, with
   * the retry delays and incident of every mail step, and marks the row handed over: both or
   * neither.
   */
  void handOver(Announcement announcement, String workerId) {
    transaction.executeWithoutResult(status -> {
      Map<String, Object> variables = new HashMap<>(announcement.variables());
      variables.put(MESSAGE_KEY, announcement.id());
      String instance = runtimeService.startProcessInstanceByKey(TaskAnnouncer.PROCESS_KEY,
          announcement.businessKey(), variables).getId();
      int marked = jdbc.update("update " + TABLE + " set HANDED_OVER_ = ?, LOCK_OWNER_ = null, LOCK_EXP_ = null"
          + " where ID_ = ? and LOCK_OWNER_ = ? and SENT_ is null", instance, announcement.id(), workerId);
      if (marked != 1) {
        status.setRollbackOnly();
      }
    });
  }

  /** Marks sent the announcement handed to the given {@value TaskAnnouncer#PROCESS_KEY} instance. */
  void sentAfterHandOver(String processInstanceId) {
    jdbc.update("update " + TABLE + " set SENT_ = ? where HANDED_OVER_ = ? and SENT_ is null", now(), processInstanceId);
  }

  /** When the item's announcements went out (also those handed over), oldest first. */
  public List<Sent> sentFor(String businessKey) {
    return jdbc.query("select SENT_, STEP_ from " + TABLE + " where BUSINESS_KEY_ = ? and SENT_ is not null"
        + " order by SENT_", (row, number) -> new Sent(row.getTimestamp(1).toInstant(), row.getString(2)), businessKey);
  }

  /** An announcement sent: when, and the name of its mail step (none for a task announcement). */
  public record Sent(Instant at, String step) {
  }

  int deleteSentBefore(Instant before) {
    return jdbc.update("delete from " + TABLE + " where SENT_ < ?", Timestamp.from(before));
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Announcement variables are not JSON: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> read(String variables) {
    try {
      return json.readValue(variables, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Announcement variables are not JSON: " + e.getMessage(), e);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  /** A row a sender may claim, its variables as stored. */
  private record Waiting(String id, String businessKey, String processInstanceId, String processDefinitionKey,
                         String variables) {
  }

  /** A claimed announcement: the item it is about and the variables its mail template sees. */
  record Announcement(String id, String businessKey, String processInstanceId, String processDefinitionKey,
                      Map<String, Object> variables) {
  }
}
