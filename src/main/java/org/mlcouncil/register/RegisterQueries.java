package org.mlcouncil.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the register: a page is three statements whatever its size (the rows, their count, and who
 * the page's open items wait for), a CSV export two. Who an item waits for is read from the engine's
 * open tasks and their candidates, by the business key its process instances share, so it is never
 * stale.
 */
@Component
public class RegisterQueries {

  private static final String COLUMNS = "BUSINESS_KEY_, KIND_, TITLE_, POD_, PROPOSER_, TECHNICAL_LEAD_, STAGE_, "
      + "STAGE_SINCE_, DECISION_, RATIONALE_, MEETING_ID_, SUBMITTED_AT_, DECIDED_AT_";
  private static final String WAITING = "select e.BUSINESS_KEY_ as ITEM_KEY, t.ASSIGNEE_ as ASSIGNEE, "
      + "l.GROUP_ID_ as CANDIDATE_GROUP, l.USER_ID_ as CANDIDATE_USER from ACT_RU_TASK t "
      + "join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ "
      + "left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and t.ASSIGNEE_ is null ";
  static final int MAX_EXPORT = 100_000;

  private final NamedParameterJdbcTemplate jdbc;

  public RegisterQueries(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }

  public record Page(List<RegisterItem> items, long total, int page, int size) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public Page page(RegisterSearch search) {
    Where where = where(search);
    MapSqlParameterSource parameters = where.parameters.addValue("limit", search.size())
        .addValue("offset", (long) search.page() * search.size());
    List<Row> rows = jdbc.query("select " + COLUMNS + " from " + RegisterTable.TABLE + where.sql() + order(search)
        + " limit :limit offset :offset", parameters, RegisterQueries::row);
    Long total = jdbc.queryForObject("select count(*) from " + RegisterTable.TABLE + where.sql(), where.parameters,
        Long.class);
    Map<String, List<String>> waiting = waitingFor(rows.stream().filter(row -> row.decidedAt == null)
        .map(row -> row.key).toList());
    return new Page(rows.stream().map(row -> row.item(waiting)).toList(), total == null ? 0 : total, search.page(),
        search.size());
  }

  public Optional<RegisterItem> item(String key) {
    List<Row> rows = jdbc.query("select " + COLUMNS + " from " + RegisterTable.TABLE + " where BUSINESS_KEY_ = :key",
        new MapSqlParameterSource("key", key), RegisterQueries::row);
    return rows.stream().findFirst().map(row -> row.item(waitingFor(row.decidedAt == null ? List.of(key) : List.of())));
  }

  /** The stages items are in now, for the filter's choices. */
  public List<String> stages() {
    return jdbc.getJdbcTemplate().queryForList("select distinct STAGE_ from " + RegisterTable.TABLE + " order by STAGE_",
        String.class);
  }

  /** Every item the search finds, in its order, up to {@value #MAX_EXPORT}. */
  public void export(RegisterSearch search, ItemWriter writer) {
    Where where = where(search);
    Map<String, List<String>> waiting = new HashMap<>();
    // The register's columns have names of their own, none of the engine's task tables has them.
    jdbc.query(WAITING + "join " + RegisterTable.TABLE + " r on r.BUSINESS_KEY_ = e.BUSINESS_KEY_"
        + where.sql("r.DECIDED_AT_ is null"), where.parameters, (ResultSet rs) -> {
          addWaiting(waiting, rs);
        });
    jdbc.query("select " + COLUMNS + " from " + RegisterTable.TABLE + where.sql() + order(search) + " limit " + MAX_EXPORT,
        where.parameters, (ResultSet rs) -> {
          try {
            writer.write(row(rs, 0).item(waiting));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @FunctionalInterface
  public interface ItemWriter {
    void write(RegisterItem item) throws IOException;
  }

  private Map<String, List<String>> waitingFor(Collection<String> keys) {
    Map<String, List<String>> waiting = new HashMap<>();
    if (!keys.isEmpty()) {
      jdbc.query(WAITING + "where e.BUSINESS_KEY_ in (:keys)", new MapSqlParameterSource("keys", keys),
          (ResultSet rs) -> {
            addWaiting(waiting, rs);
          });
    }
    // In the order people read a list of names, not the order the tasks happen to come in.
    waiting.values().forEach(Collections::sort);
    return waiting;
  }

  private static void addWaiting(Map<String, List<String>> waiting, ResultSet rs) throws SQLException {
    String who = rs.getString("ASSIGNEE");
    if (who == null) {
      who = rs.getString("CANDIDATE_USER");
    }
    if (who == null && rs.getString("CANDIDATE_GROUP") != null) {
      who = Who.group(rs.getString("CANDIDATE_GROUP"));
    }
    if (who != null) {
      List<String> people = waiting.computeIfAbsent(rs.getString("ITEM_KEY"), key -> new ArrayList<>());
      if (!people.contains(who)) {
        people.add(who);
      }
    }
  }

  private record Where(List<String> conditions, MapSqlParameterSource parameters) {

    String sql(String... more) {
      List<String> all = new ArrayList<>(List.of(more));
      all.addAll(conditions);
      return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }
  }

  /** Every condition is a bound parameter; column names come from the code, never from the caller. */
  private static Where where(RegisterSearch search) {
    List<String> conditions = new ArrayList<>();
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    equal(conditions, parameters, "KIND_", "kind", search.kind());
    equal(conditions, parameters, "POD_", "pod", search.pod());
    equal(conditions, parameters, "STAGE_", "stage", search.stage());
    if ("open".equals(search.decision())) {
      conditions.add("DECIDED_AT_ is null");
    } else {
      equal(conditions, parameters, "DECISION_", "decision", search.decision());
    }
    if (search.person() != null) {
      conditions.add("BUSINESS_KEY_ in (select p.BUSINESS_KEY_ from " + RegisterTable.PEOPLE + " p where p.PERSON_ = :person)");
      parameters.addValue("person", search.person());
    }
    if (search.text() != null) {
      conditions.add("SEARCH_TEXT_ like :text escape '\\'");
      parameters.addValue("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
    }
    return new Where(conditions, parameters);
  }

  private static void equal(List<String> conditions, MapSqlParameterSource parameters, String column, String name,
                            String value) {
    if (value != null) {
      conditions.add(column + " = :" + name);
      parameters.addValue(name, value);
    }
  }

  private static String order(RegisterSearch search) {
    String direction = search.ascending() ? " asc" : " desc";
    // PostgreSQL's own order (an empty value is the greatest) spelled out, so H2 sorts alike: open
    // items, which have no decision date, come first when the newest decisions do.
    String nulls = search.ascending() ? " nulls last" : " nulls first";
    return " order by " + search.sort().column() + direction + nulls + ", BUSINESS_KEY_" + direction;
  }

  static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private record Row(String key, String kind, String title, String pod, String proposer, String lead, String stage,
                     Instant stageSince, String decision, String rationale, String meetingId, Instant submittedAt,
                     Instant decidedAt) {

    RegisterItem item(Map<String, List<String>> waiting) {
      return new RegisterItem(key, kind, title, pod, proposer, lead, stage, stageSince, decision, rationale, meetingId,
          submittedAt, decidedAt, List.copyOf(new LinkedHashSet<>(waiting.getOrDefault(key, List.of()))));
    }
  }

  private static Row row(ResultSet rs, int rowNumber) throws SQLException {
    return new Row(rs.getString("BUSINESS_KEY_"), rs.getString("KIND_"), rs.getString("TITLE_"), rs.getString("POD_"),
        rs.getString("PROPOSER_"), rs.getString("TECHNICAL_LEAD_"), rs.getString("STAGE_"),
        instant(rs.getTimestamp("STAGE_SINCE_")), rs.getString("DECISION_"), rs.getString("RATIONALE_"),
        rs.getString("MEETING_ID_"), instant(rs.getTimestamp("SUBMITTED_AT_")), instant(rs.getTimestamp("DECIDED_AT_")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
