package org.mlcouncil.register;

import jakarta.annotation.PostConstruct;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.mlcouncil.platform.TextLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register's read model, {@code MLC_REGISTER_ITEM}: one row per item with what the list
 * filters, sorts and shows. Camunda's history could answer the same questions, but only by joining
 * a variable row per column (title, pod, proposer...) and sorting over those joins; at 10,000
 * items that is neither one indexed query nor a bounded number of them. The row is written by
 * {@link RegisterRecorder} in the engine's own transaction, so it commits or rolls back with the
 * step it describes. Who an item waits for is not kept here but read live from the engine's open
 * tasks (see {@link RegisterQueries}): a review or vote completed by many people at once then
 * touches no shared row.
 */
@Component
public class RegisterTable {

  static final String TABLE = "MLC_REGISTER_ITEM";
  /** Who an item is about (proposer, technical lead, team), a row per person: "my items" is an index look-up. */
  static final String PEOPLE = "MLC_REGISTER_PERSON";
  static final String CLOSED = "Closed";

  private final JdbcTemplate jdbc;

  public RegisterTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostConstruct
  void createTable() {
    jdbc.execute("create table if not exists " + TABLE + " ("
        + "BUSINESS_KEY_ varchar(64) primary key, PROC_INST_ID_ varchar(64) not null, KIND_ varchar(32) not null, "
        + "TITLE_ varchar(1000), POD_ varchar(64), PROPOSER_ varchar(255), TECHNICAL_LEAD_ varchar(255), "
        + "PEOPLE_ varchar(4000), STAGE_ varchar(255) not null, STAGE_SINCE_ timestamp not null, "
        + "DECISION_ varchar(64), RATIONALE_ varchar(4000), MEETING_ID_ varchar(64), "
        + "SUBMITTED_AT_ timestamp not null, DECIDED_AT_ timestamp, SEARCH_TEXT_ varchar(20000))");
    for (String column : new String[] {"KIND_", "POD_", "PROPOSER_", "TECHNICAL_LEAD_", "STAGE_", "STAGE_SINCE_",
        "DECISION_", "SUBMITTED_AT_", "DECIDED_AT_", "TITLE_"}) {
      jdbc.execute("create index if not exists MLC_IDX_REG_" + column.replace("_", "") + " on " + TABLE
          + " (" + column + ")");
    }
    jdbc.execute("create table if not exists " + PEOPLE + " (PERSON_ varchar(255) not null, "
        + "BUSINESS_KEY_ varchar(64) not null, primary key (PERSON_, BUSINESS_KEY_))");
    jdbc.execute("create index if not exists MLC_IDX_REG_PERSON_KEY on " + PEOPLE + " (BUSINESS_KEY_)");
    listPeopleOfEarlierRows();
  }

  /**
   * Rows written before {@value #PEOPLE} existed get their people from {@code PEOPLE_} (ids between
   * spaces; a last id cut by the column's length was never found and is left out). Another node
   * starting at the same moment may list the same person first.
   */
  void listPeopleOfEarlierRows() {
    jdbc.query("select i.BUSINESS_KEY_, i.PEOPLE_ from " + TABLE + " i where i.PEOPLE_ is not null and not exists "
        + "(select 1 from " + PEOPLE + " p where p.BUSINESS_KEY_ = i.BUSINESS_KEY_)", row -> {
          String people = row.getString(2);
          List<String> ids = new ArrayList<>(Arrays.asList(people.strip().split(" +")));
          if (!people.endsWith(" ")) {
            ids.remove(ids.size() - 1);
          }
          for (String id : ids) {
            try {
              addPerson(row.getString(1), id);
            } catch (DuplicateKeyException listedByAnotherNode) {
              // Autocommit: this row is there, the others go on.
            }
          }
        });
  }

  private void addPerson(String businessKey, String person) {
    if (!person.isEmpty() && person.length() <= 255) {
      jdbc.update("insert into " + PEOPLE + " (PERSON_, BUSINESS_KEY_) values (?, ?)", person, businessKey);
    }
  }

  /** The item's people changed (or it is new): its person rows follow. */
  private void listPeople(Facts facts) {
    jdbc.update("delete from " + PEOPLE + " where BUSINESS_KEY_ = ?", facts.businessKey());
    facts.people().forEach(person -> addPerson(facts.businessKey(), person));
  }

  /** What an item process says about itself at one of its steps. */
  record Facts(String businessKey, String processInstanceId, ItemKind kind, String title, String pod,
               String proposer, String technicalLead, List<String> people, String searchText) {

    /**
     * {@code PEOPLE_}: the ids between spaces. Not searched any more ({@value #PEOPLE} is), but kept:
     * comparing it tells {@link #stage} whether an amendment changed the people, without reading
     * their rows, and rows written before {@value #PEOPLE} existed get their people from it.
     */
    String peopleColumn() {
      return TextLimits.bounded(" " + String.join(" ", people) + " ", 4000);
    }
  }

  /**
   * The item reached a stage (a task, a sub-process, a wait): its facts may have changed too (an
   * amendment). An item that has no row yet (submitted before the register existed) gets one.
   */
  void stage(Facts facts, String stage, Date now) {
    Timestamp at = new Timestamp(now.getTime());
    int updated = jdbc.update("update " + TABLE + " set TITLE_ = ?, POD_ = ?, PROPOSER_ = ?, TECHNICAL_LEAD_ = ?, "
            + "SEARCH_TEXT_ = ?, STAGE_SINCE_ = case when STAGE_ = ? then STAGE_SINCE_ else ? end, "
            + "STAGE_ = ? where BUSINESS_KEY_ = ?",
        facts.title(), facts.pod(), facts.proposer(), facts.technicalLead(), facts.searchText(),
        stage, at, stage, facts.businessKey());
    if (updated == 0) {
      jdbc.update("insert into " + TABLE + " (BUSINESS_KEY_, PROC_INST_ID_, KIND_, TITLE_, POD_, PROPOSER_, "
              + "TECHNICAL_LEAD_, PEOPLE_, SEARCH_TEXT_, STAGE_, STAGE_SINCE_, SUBMITTED_AT_) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          facts.businessKey(), facts.processInstanceId(), facts.kind().label(), facts.title(), facts.pod(),
          facts.proposer(), facts.technicalLead(), facts.peopleColumn(), facts.searchText(), stage, at, at);
      listPeople(facts);
    } else if (jdbc.update("update " + TABLE + " set PEOPLE_ = ? where BUSINESS_KEY_ = ? and PEOPLE_ <> ?",
        facts.peopleColumn(), facts.businessKey(), facts.peopleColumn()) > 0) {
      // An amendment changed the team or the lead; the row above already holds the item's lock.
      listPeople(facts);
    }
  }

  /** The council's review of the item reached a stage; it never creates a row. */
  void councilStage(String businessKey, String stage, String meetingId, Date now) {
    jdbc.update("update " + TABLE + " set STAGE_SINCE_ = case when STAGE_ = ? then STAGE_SINCE_ else ? end, "
            + "STAGE_ = ?, MEETING_ID_ = coalesce(?, MEETING_ID_) where BUSINESS_KEY_ = ? and DECIDED_AT_ is null",
        stage, new Timestamp(now.getTime()), stage, meetingId, businessKey);
  }

  /** The process instances of items of this kind that have no row: one anti-join over the engine's history. */
  List<String> unlisted(ItemKind kind) {
    return jdbc.queryForList("select h.ID_ from ACT_HI_PROCINST h where h.PROC_DEF_KEY_ = ? "
        + "and h.BUSINESS_KEY_ is not null and not exists (select 1 from " + TABLE
        + " r where r.BUSINESS_KEY_ = h.BUSINESS_KEY_)", String.class, kind.processKey());
  }

  /** A row for an item the register did not see happen (submitted before it existed), from its history. */
  void insert(Facts facts, String stage, Date stageSince, Date submittedAt, String decision, String rationale,
              Date decidedAt) {
    jdbc.update("insert into " + TABLE + " (BUSINESS_KEY_, PROC_INST_ID_, KIND_, TITLE_, POD_, PROPOSER_, "
            + "TECHNICAL_LEAD_, PEOPLE_, SEARCH_TEXT_, STAGE_, STAGE_SINCE_, SUBMITTED_AT_, DECISION_, RATIONALE_, "
            + "DECIDED_AT_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        facts.businessKey(), facts.processInstanceId(), facts.kind().label(), facts.title(), facts.pod(),
        facts.proposer(), facts.technicalLead(), facts.peopleColumn(), facts.searchText(), stage,
        new Timestamp(stageSince.getTime()), new Timestamp(submittedAt.getTime()), decision, rationale,
        decidedAt == null ? null : new Timestamp(decidedAt.getTime()));
    listPeople(facts);
  }

  /**
   * Open rows whose process instance is gone without its end (an administrator deleted it skipping
   * the listeners): cancelled, so they do not wait forever in the register.
   */
  int closeOrphans(Date now) {
    // Qualified: the engine's execution table has a PROC_INST_ID_ of its own.
    return jdbc.update("update " + TABLE + " r set STAGE_ = ?, STAGE_SINCE_ = ?, DECISION_ = 'cancelled', "
        + "DECIDED_AT_ = ? where r.DECIDED_AT_ is null "
        + "and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = r.PROC_INST_ID_)",
        CLOSED, new Timestamp(now.getTime()), new Timestamp(now.getTime()));
  }

  /** The item's process ended: decided, withdrawn or cancelled. */
  void close(String businessKey, String decision, String rationale, Date now) {
    Timestamp at = new Timestamp(now.getTime());
    jdbc.update("update " + TABLE + " set STAGE_ = ?, STAGE_SINCE_ = ?, DECISION_ = ?, RATIONALE_ = ?, "
        + "DECIDED_AT_ = ? where BUSINESS_KEY_ = ?", CLOSED, at, decision, rationale, at, businessKey);
  }
}
