package org.mlcouncil.platform;

import jakarta.annotation.PostConstruct;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable business keys such as {@code MLP-2026-0042}: a prefix per kind of item, the year
 * and a number counting up within that year.
 *
 * <p>The number comes from a counter row per prefix and year ({@code MLC_KEY_COUNTER}), which
 * the submitting transaction locks by incrementing it: submissions at the same moment, on one
 * node or several sharing the database, wait for each other there and never share a key, and a
 * refused submission gives its number back. A key someone chose by hand (an administrator may)
 * is skipped, never repeated.
 */
@Component
public class BusinessKeys {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separately;

  public BusinessKeys(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactionManager);
    separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @PostConstruct
  void createCounterTable() {
    jdbc.execute("create table if not exists MLC_KEY_COUNTER (STEM_ varchar(64) primary key, LAST_NUMBER_ integer not null)");
  }

  /** The next key; call inside the transaction that starts the item. */
  public String next(String prefix) {
    int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault())).getValue();
    String stem = prefix + "-" + year + "-";
    if (increment(stem) == 0) {
      // First item of the year: the row is created once, in a transaction of its own, so a
      // node that loses the race to create it just increments the winner's row.
      separately.executeWithoutResult(status -> {
        try {
          jdbc.update("insert into MLC_KEY_COUNTER (STEM_, LAST_NUMBER_) values (?, ?)", stem, highestInHistory(stem));
        } catch (DuplicateKeyException e) {
          status.setRollbackOnly();
        }
      });
      increment(stem);
    }
    String key;
    do {
      Integer number = jdbc.queryForObject("select LAST_NUMBER_ from MLC_KEY_COUNTER where STEM_ = ?", Integer.class, stem);
      key = stem + String.format("%04d", number);
    } while (isTaken(key) && increment(stem) > 0);
    return key;
  }

  private int increment(String stem) {
    return jdbc.update("update MLC_KEY_COUNTER set LAST_NUMBER_ = LAST_NUMBER_ + 1 where STEM_ = ?", stem);
  }

  private boolean isTaken(String key) {
    return jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = ?", Integer.class, key) > 0;
  }

  /** Where an installation that kept no counter yet left off: the highest numbered key in history. */
  private int highestInHistory(String stem) {
    // Longest first, then highest: MLP-2026-10000 sorts after MLP-2026-9999. Keys with other
    // endings (chosen by hand) are passed over.
    List<String> keys = jdbc.queryForList(
        "select BUSINESS_KEY_ from ACT_HI_PROCINST where BUSINESS_KEY_ like ? "
            + "order by length(BUSINESS_KEY_) desc, BUSINESS_KEY_ desc fetch first 50 rows only",
        String.class, stem + "%");
    return keys.stream().map(key -> key.substring(stem.length())).filter(number -> number.matches("\\d{1,9}"))
        .mapToInt(Integer::parseInt).max().orElse(0);
  }
}
