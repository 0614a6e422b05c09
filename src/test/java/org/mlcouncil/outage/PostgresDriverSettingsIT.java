package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform's pool on the real PostgreSQL: the driver settings arrive, and the engine works with them. */
@IntegrationTest
class PostgresDriverSettingsIT {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;

  @Test
  void theEnginesBatchedInsertsGoOutRewrittenAndEveryRowArrives() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
    }
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    String batch = "batch-" + UUID.randomUUID();
    // One flush with 20 inserts into one table: the driver answers "no count" for each row.
    List<String> ids = commands.execute(context -> IntStream.range(0, 20).mapToObj(n -> {
      ByteArrayEntity row = new ByteArrayEntity(batch, (batch + n).getBytes(StandardCharsets.UTF_8),
          ResourceTypes.RUNTIME);
      context.getDbEntityManager().insert(row);
      return row;
    }).toList()).stream().map(ByteArrayEntity::getId).toList();

    List<String> stored = commands.execute(context -> ids.stream()
        .map(id -> context.getDbEntityManager().selectById(ByteArrayEntity.class, id))
        .map(row -> new String(row.getBytes(), StandardCharsets.UTF_8)).toList());
    assertThat(stored).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(n -> batch + n).toList());

    commands.execute(context -> {
      ids.forEach(id -> context.getDbEntityManager().delete(context.getDbEntityManager()
          .selectById(ByteArrayEntity.class, id)));
      return null;
    });
    long left = commands.execute(context -> ids.stream()
        .filter(id -> context.getDbEntityManager().selectById(ByteArrayEntity.class, id) != null).count());
    assertThat(left).isZero();
  }
}
