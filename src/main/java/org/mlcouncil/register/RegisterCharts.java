package org.mlcouncil.register;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures a council reads at its review, each aggregated by one SQL statement (four in all,
 * whatever the register's size). The read model keeps only an item's current stage, so how far
 * items got and how long each step took come from the engine's activity history, joined to the
 * register by process instance so only item processes count.
 */
@Component
public class RegisterCharts {

  /** Steps whose time is a stage an item waits in; service tasks and events take no time worth charting. */
  private static final String STAGE_TYPES = "('userTask', 'subProcess', 'callActivity')";

  private final JdbcTemplate jdbc;

  public RegisterCharts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Proposals only: the other kinds have no pod review. Screened means the proposal passed
   * screening and reached its pod review; pod-approved means it reached the council.
   */
  public record Funnel(long submitted, long screened, long podApproved, long councilApproved) {
  }

  /** How long a stage took, for the steps that ended in {@code month} ("2026-11"). */
  public record LeadTime(String month, String stage, long count, double medianHours, double p90Hours) {
  }

  public record Decisions(String kind, String pod, String decision, long count) {
  }

  public record Waiting(String key, String kind, String title, String stage, Instant stageSince, long daysInStage) {
  }

  public record Figures(Funnel funnel, List<LeadTime> leadTimes, List<Decisions> decisions, List<Waiting> waiting) {
  }

  static final int WAITING_SHOWN = 10;
  /** The lead times cover this month and the eleven before it: a year's trend, and a bounded chart. */
  static final int MONTHS_SHOWN = 12;

  public Figures figures(Instant now) {
    return new Figures(funnel(), leadTimes(firstDayShown(now)), decisions(), waiting(now));
  }

  private Funnel funnel() {
    return jdbc.queryForObject("select count(*) as SUBMITTED, "
        + "coalesce(sum(case when " + reached("reviewProposal") + " then 1 else 0 end), 0) as SCREENED, "
        + "coalesce(sum(case when " + reached("reviewByCouncil") + " then 1 else 0 end), 0) as POD_APPROVED, "
        + "coalesce(sum(case when r.DECISION_ = 'approved' then 1 else 0 end), 0) as COUNCIL_APPROVED "
        + "from " + RegisterTable.TABLE + " r where r.KIND_ = ?",
        (rs, row) -> new Funnel(rs.getLong("SUBMITTED"), rs.getLong("SCREENED"), rs.getLong("POD_APPROVED"),
            rs.getLong("COUNCIL_APPROVED")), ItemKind.PROPOSAL.label());
  }

  /** The proposal's process reached this step, at least once (ACT_HI_ACTINST is indexed by instance and step). */
  private static String reached(String activityId) {
    return "exists (select 1 from ACT_HI_ACTINST a where a.PROC_INST_ID_ = r.PROC_INST_ID_ and a.ACT_ID_ = '"
        + activityId + "')";
  }

  static Timestamp firstDayShown(Instant now) {
    LocalDate firstOfMonth = LocalDate.ofInstant(now, ZoneId.systemDefault()).withDayOfMonth(1);
    return Timestamp.valueOf(firstOfMonth.minusMonths(MONTHS_SHOWN - 1).atStartOfDay());
  }

  private List<LeadTime> leadTimes(Timestamp since) {
    // percentile_cont is an ordered-set aggregate both PostgreSQL and H2 know.
    return jdbc.query("select YEAR_, MONTH_, STAGE_, count(*) as N, "
        + "percentile_cont(0.5) within group (order by DURATION_) as MEDIAN_, "
        + "percentile_cont(0.9) within group (order by DURATION_) as P90_ from ("
        + "select extract(year from a.END_TIME_) as YEAR_, extract(month from a.END_TIME_) as MONTH_, "
        + "a.ACT_NAME_ as STAGE_, a.DURATION_ from ACT_HI_ACTINST a join " + RegisterTable.TABLE
        + " r on r.PROC_INST_ID_ = a.PROC_INST_ID_ where a.END_TIME_ >= ? and a.ACT_NAME_ is not null "
        + "and a.ACT_TYPE_ in " + STAGE_TYPES + ") s group by YEAR_, MONTH_, STAGE_ order by YEAR_, MONTH_, STAGE_",
        (rs, row) -> new LeadTime("%04d-%02d".formatted(rs.getInt("YEAR_"), rs.getInt("MONTH_")),
            rs.getString("STAGE_"), rs.getLong("N"), hours(rs.getDouble("MEDIAN_")), hours(rs.getDouble("P90_"))),
        since);
  }

  private static double hours(double millis) {
    return Math.round(millis / 36_000.0) / 100.0;
  }

  private List<Decisions> decisions() {
    return jdbc.query("select KIND_, POD_, DECISION_, count(*) as N from " + RegisterTable.TABLE
            + " where DECISION_ is not null group by KIND_, POD_, DECISION_ order by KIND_, POD_, DECISION_",
        (rs, row) -> new Decisions(rs.getString("KIND_"), rs.getString("POD_"), rs.getString("DECISION_"),
            rs.getLong("N")));
  }

  private List<Waiting> waiting(Instant now) {
    return jdbc.query("select BUSINESS_KEY_, KIND_, TITLE_, STAGE_, STAGE_SINCE_ from " + RegisterTable.TABLE
            + " where DECIDED_AT_ is null order by STAGE_SINCE_, BUSINESS_KEY_ limit " + WAITING_SHOWN,
        (rs, row) -> {
          Timestamp since = rs.getTimestamp("STAGE_SINCE_");
          return new Waiting(rs.getString("BUSINESS_KEY_"), rs.getString("KIND_"), rs.getString("TITLE_"),
              rs.getString("STAGE_"), since.toInstant(),
              Duration.between(since.toInstant(), now).toDays());
        });
  }
}
