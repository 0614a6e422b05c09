package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresDriverSettingsTest {

  private final PostgresDriverSettings settings = new PostgresDriverSettings();

  @Test
  void aPostgresqlPoolGetsEveryTimeoutAndBatchedInsertsAndAnOperatorsValueWins() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:postgresql://db:5432/mlcouncil");
    pool.addDataSourceProperty("socketTimeout", "60");

    settings.postProcessAfterInitialization(pool, "dataSource");

    assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "3").containsEntry("loginTimeout", "5")
        .containsEntry("tcpKeepAlive", "true").containsEntry("socketTimeout", "60")
        .containsEntry("reWriteBatchedInserts", "true");
  }

  @Test
  void anotherDatabaseIsLeftAlone() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:file:./data/ml-council");

    settings.postProcessAfterInitialization(pool, "dataSource");

    assertThat(pool.getDataSourceProperties()).as("H2 refuses settings it does not know").isEmpty();
  }
}
