package org.mlcouncil.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL plan the engine's authorization-checked queries (Tasklist's task lists and
 * counts, process instance and history lists) for the rows they really join. Each open task has
 * an authorization row per candidate group, so a pod lead's filter count joins 1,000 tasks with
 * 1,000 authorizations; PostgreSQL cannot estimate the permission test {@code PERMS_ & ? = ?}
 * (a fixed 0.5 % guess), expects 5 authorizations, and compares every task with every one of
 * them: 1,000,000 comparisons, 130-180 ms per count at the benchmark's 1,000 open tasks, where an
 * index lookup per task takes 7 ms. Two parts are needed:
 * <ul>
 *   <li>statistics on the permission bits the engine's queries test, so that a plan made for the
 *   actual permission values knows how many rows pass;</li>
 *   <li>such a plan every time: after five runs on a connection the driver prepares a statement
 *   on the server, and PostgreSQL soon switches to one generic plan, which cannot use those
 *   statistics and is back to the guess. Only the authorization-checked statements are run
 *   unprepared; planning them costs well under a millisecond.</li>
 * </ul>
 */
@Component
public class AuthorizationQueryPlans extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationQueryPlans.class);

  /**
   * The join of a list query's authorization check (Camunda's {@code authCheckJoin}): only these
   * join all of a user's authorizations; a single resource's check looks up its own rows by index.
   */
  static final String AUTHORIZATION_JOIN = "AUTH.RESOURCE_ID_";

  /** Permissions the list queries test: read a task or instance, read a definition's tasks, instances, history. */
  static final int[] TESTED_BITS = {Permissions.READ.getValue(), ProcessDefinitionPermissions.READ_TASK.getValue(),
      ProcessDefinitionPermissions.READ_INSTANCE.getValue(), ProcessDefinitionPermissions.READ_HISTORY.getValue()};

  private boolean postgres;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    postgres = "postgres".equals(configuration.getDatabaseType());
    if (postgres) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new CustomPlans());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!postgres) {
      return;
    }
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(createStatistics());
      // Builds them now rather than at autovacuum's next analysis of the table.
      statement.execute("analyze ACT_RU_AUTHORIZATION");
    } catch (SQLException e) {
      // Queries still answer correctly without the statistics, only slower at many open tasks.
      LOG.warn("Could not create the statistics on ACT_RU_AUTHORIZATION's permissions: {}", e.getMessage());
    }
  }

  static String createStatistics() {
    StringBuilder expressions = new StringBuilder();
    for (int bit : TESTED_BITS) {
      expressions.append(expressions.isEmpty() ? "" : ", ").append("(PERMS_ & ").append(bit).append(')');
    }
    return "create statistics if not exists MLC_STAT_AUTH_PERMS on " + expressions + " from ACT_RU_AUTHORIZATION";
  }

  static boolean checksAuthorizations(String sql) {
    return sql.contains(AUTHORIZATION_JOIN);
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class CustomPlans implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      if (checksAuthorizations(handler.getBoundSql().getSql()) && statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      return statement;
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, this);
    }

    @Override
    public void setProperties(Properties properties) {
      // no properties
    }
  }
}
