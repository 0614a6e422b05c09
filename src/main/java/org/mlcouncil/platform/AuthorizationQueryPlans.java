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
import org.apache.ibatis.session.ResultHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist's task lists and counts fast when a group has many open tasks, on PostgreSQL.
 * The engine checks a list query's authorizations by joining the user's authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}; every open task has an authorization per
 * candidate group, so a pod lead's count joins 1,000 tasks with 1,000 authorizations. PostgreSQL
 * can join on such a disjunction only in a nested loop, and it chose to compare each task with
 * every authorization (Materialize: a million comparisons, 120-180 ms per count in the
 * benchmark): it cannot estimate the permission test {@code PERMS_ & ? = ?} and expects a handful.
 * Three parts make it a few index look-ups per task instead:
 * <ul>
 *   <li>Materialize is off while these statements are planned, so the nested loop looks each
 *   task's authorizations up by {@code RESOURCE_ID_};</li>
 *   <li>a partial index ({@value #TASK_READ_INDEX}) holds only the authorizations a task list can
 *   use: those on tasks, and those letting a group read a process definition's tasks. On Camunda's
 *   own index each look-up for {@code '*'} and for the process definition's key also visits every
 *   other grant on all users, groups, filters and definitions (125 rows per task in the benchmark);</li>
 *   <li>these statements are planned with their parameters every time, not once for all as a
 *   server-side prepared statement: a plan for any permission could not use the partial index.
 *   Planning one costs about a millisecond.</li>
 * </ul>
 */
@Component
public class AuthorizationQueryPlans extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationQueryPlans.class);

  /**
   * The join of a list query's authorization check (Camunda's {@code authCheckJoin}); a single
   * resource's check looks its own rows up by index and is left alone.
   */
  static final String AUTHORIZATION_JOIN = "AUTH.RESOURCE_ID_";

  static final String TASK_READ_INDEX = "MLC_IDX_AUTH_TASK_READ";

  private boolean postgres;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    postgres = "postgres".equals(configuration.getDatabaseType());
    if (postgres) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new IndexLookups());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!postgres) {
      return;
    }
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(createTaskReadIndex());
    } catch (SQLException e) {
      // Task lists stay correct without it, only slower with many open tasks.
      LOG.warn("Could not create the index {} on ACT_RU_AUTHORIZATION: {}", TASK_READ_INDEX, e.getMessage());
    }
  }

  static String createTaskReadIndex() {
    int readTask = ProcessDefinitionPermissions.READ_TASK.getValue();
    // Written as the engine's task query writes its check, so that PostgreSQL sees it implies this.
    return "create index if not exists " + TASK_READ_INDEX + " on ACT_RU_AUTHORIZATION (RESOURCE_ID_) where "
        + "RESOURCE_TYPE_ = " + Resources.TASK.resourceType() + " or (RESOURCE_TYPE_ = "
        + Resources.PROCESS_DEFINITION.resourceType() + " and PERMS_ & " + readTask + " = " + readTask + ")";
  }

  static boolean checksAuthorizations(String sql) {
    return sql.contains(AUTHORIZATION_JOIN);
  }

  @Intercepts({
      @Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}),
      @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class})})
  static final class IndexLookups implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      if (!checksAuthorizations(handler.getBoundSql().getSql())) {
        return invocation.proceed();
      }
      if (invocation.getMethod().getName().equals("prepare")) {
        Statement statement = (Statement) invocation.proceed();
        if (statement.isWrapperFor(PGStatement.class)) {
          statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
      }
      // The engine's queries run in a transaction: LOCAL ends with it whatever happens below.
      Connection connection = ((Statement) invocation.getArgs()[0]).getConnection();
      set(connection, "set local enable_material = off");
      Object result = invocation.proceed();
      set(connection, "reset enable_material");
      return result;
    }

    private static void set(Connection connection, String setting) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(setting);
      }
    }

    @Override
    public Object plugin(Object target) {
      // MyBatis offers every executor, parameter and result set handler as well, and Plugin.wrap
      // reads this class's annotations each time: 2 % of the node's CPU in the benchmark.
      return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
