package org.mlcouncil.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
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
 *   task's authorizations up by {@code RESOURCE_ID_}; so is merge join, for which PostgreSQL
 *   sorted every open task to merge them with the group's candidate links (with 4,000 open tasks,
 *   6 of a count's 14 ms; a hash join takes 3);</li>
 *   <li>a partial index ({@value #TASK_READ_INDEX}) holds only the authorizations a task list can
 *   use: those on tasks, and those letting a group read a process definition's tasks. On Camunda's
 *   own index each look-up for {@code '*'} and for the process definition's key also visits every
 *   other grant on all users, groups, filters and definitions (125 rows per task in the benchmark);</li>
 *   <li>these statements are planned with their parameters every time, not once for all as a
 *   server-side prepared statement: a plan for any permission could not use the partial index.
 *   Planning one costs about a millisecond.</li>
 * </ul>
 *
 * <p>Every command that checks authorizations first asks which groups have any authorization at
 * all ({@code selectAuthorizedGroupIds}, a {@code distinct} over the whole table, which grows with
 * the open tasks: Camunda issue 5485). Here it skips through Camunda's index on
 * {@code GROUP_ID_} instead, one look-up per group ({@value #AUTHORIZED_GROUPS}).
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

  static final String AUTHORIZED_GROUPS = "mlcSelectAuthorizedGroupIds";

  private boolean postgres;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    postgres = "postgres".equals(configuration.getDatabaseType());
    if (postgres) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new IndexLookups());
      skipThroughAuthorizedGroups(configuration);
    }
  }

  /** Has the engine run {@value #AUTHORIZED_GROUPS} wherever it would run {@code selectAuthorizedGroupIds}. */
  private static void skipThroughAuthorizedGroups(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    SqlSource sql = new StaticSqlSource(mybatis, authorizedGroupsSql(configuration.getDatabaseTablePrefix()));
    ResultMap groupIds = new ResultMap.Builder(mybatis, AUTHORIZED_GROUPS + "-Inline", String.class, List.of()).build();
    mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, AUTHORIZED_GROUPS, sql, SqlCommandType.SELECT)
        .resultMaps(List.of(groupIds)).build());
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // A copy: the engine's mappings of a database type are shared by every engine in the JVM.
    Map<String, String> mappings = new HashMap<>(Objects.requireNonNullElse(sessions.getStatementMappings(), Map.of()));
    mappings.put("selectAuthorizedGroupIds", AUTHORIZED_GROUPS);
    sessions.setStatementMappings(mappings);
  }

  /** The distinct groups of all authorizations, as a skip scan: from each group to the next one in the index. */
  static String authorizedGroupsSql(String tablePrefix) {
    String table = tablePrefix + "ACT_RU_AUTHORIZATION";
    return "with recursive G (ID_) as ("
        + "(select GROUP_ID_ from " + table + " where GROUP_ID_ is not null order by GROUP_ID_ limit 1)"
        + " union all select (select A.GROUP_ID_ from " + table + " A where A.GROUP_ID_ > G.ID_"
        + " order by A.GROUP_ID_ limit 1) from G where G.ID_ is not null)"
        + " select ID_ from G where ID_ is not null";
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

  static final class IndexLookups implements Interceptor {

    /** What it intercepts: preparing a statement (not server-side) and running a query (planner settings). */
    private static final Set<Method> INTERCEPTED = Set.of(
        method("prepare", Connection.class, Integer.class), method("query", Statement.class, ResultHandler.class));

    private static Method method(String name, Class<?>... parameters) {
      try {
        return StatementHandler.class.getMethod(name, parameters);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("MyBatis' StatementHandler has no " + name + ": check IndexLookups", e);
      }
    }

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
      set(connection, "set local enable_material = off; set local enable_mergejoin = off");
      Object result = invocation.proceed();
      set(connection, "reset enable_material; reset enable_mergejoin");
      return result;
    }

    private static void set(Connection connection, String setting) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(setting);
      }
    }

    /**
     * Wraps each statement handler, as MyBatis' {@code Plugin.wrap} would, but with the methods to
     * intercept known once: {@code Plugin.wrap} reads an interceptor's annotations again for every
     * statement, 1.4 % of the node's CPU in the benchmark. MyBatis also offers every executor,
     * parameter and result set handler; those are left unwrapped.
     */
    @Override
    public Object plugin(Object target) {
      if (!(target instanceof StatementHandler handler)) {
        return target;
      }
      return Proxy.newProxyInstance(StatementHandler.class.getClassLoader(), new Class<?>[] {StatementHandler.class},
          (proxy, method, args) -> {
            try {
              return INTERCEPTED.contains(method) ? intercept(new Invocation(handler, method, args))
                  : method.invoke(handler, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
