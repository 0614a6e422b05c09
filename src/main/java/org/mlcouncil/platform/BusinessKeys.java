package org.mlcouncil.platform;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Readable business keys such as {@code MLP-2026-0042}: a prefix per kind of item, the year
 * and a number counting up within that year, continuing from the highest key in history.
 */
@Component
public class BusinessKeys {

  private final JdbcTemplate jdbc;

  public BusinessKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String next(String prefix) {
    int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault())).getValue();
    String stem = prefix + "-" + year + "-";
    // Longest first, then highest: MLP-2026-10000 sorts after MLP-2026-9999.
    List<String> highest = jdbc.queryForList(
        "select BUSINESS_KEY_ from ACT_HI_PROCINST where BUSINESS_KEY_ like ? "
            + "order by length(BUSINESS_KEY_) desc, BUSINESS_KEY_ desc fetch first 1 rows only",
        String.class, stem + "%");
    int number = highest.isEmpty() ? 1 : Integer.parseInt(highest.get(0).substring(stem.length())) + 1;
    return stem + String.format("%04d", number);
  }
}
