package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group's task list is planned as index look-ups of each task's authorizations, whatever else
 * ran on the connection before; the engine's other statements are left as they were.
 */
@IntegrationTest
class AuthorizationQueryPlansIT {

  private static final int OPEN_TASKS = 200;

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  private final String group = "plans-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> tasks = new ArrayList<>();

  @BeforeEach
  void openManyTasksForOneGroup() {
    Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration();
    synchronized (PlanProbe.class) {
      if (mybatis.getInterceptors().stream().noneMatch(PlanProbe.class::isInstance)) {
        mybatis.addInterceptor(new PlanProbe());
      }
    }
    for (int i = 0; i < OPEN_TASKS; i++) {
      Task task = taskService.newTask();
      task.setName("Review " + i);
      taskService.saveTask(task);
      taskService.addCandidateGroup(task.getId(), group);
      tasks.add(task.getId());
    }
  }

  @AfterEach
  void closeThem() {
    taskService.deleteTasks(tasks, true);
  }

  @Test
  void aGroupsTaskCountLooksUpEachTasksAuthorizationsInTheTaskReadIndex() {
    List<String> plans = new ArrayList<>();
    PlanProbe.PLANS.set(plans);
    identityService.setAuthentication("plans-reader", List.of(group));
    try {
      assertThat(taskService.createTaskQuery().taskCandidateGroup(group).count()).isEqualTo(OPEN_TASKS);
    } finally {
      identityService.clearAuthentication();
      PlanProbe.PLANS.remove();
    }

    assertThat(plans).as("the count, checked against the reader's authorizations").singleElement()
        .satisfies(plan -> assertThat(plan.toLowerCase())
            .contains("mlc_idx_auth_task_read").doesNotContain("materialize", "merge join"));
  }

  @Test
  void aCheckedListIsPlannedForEachRunAndItsSettingEndsWithItWhileOtherStatementsStayPrepared() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // One transaction: the engine's statements and the look at the server share its connection.
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      identityService.setAuthentication("plans-reader", List.of(group));
      try {
        IntStream.range(0, 12).forEach(run -> taskService.createTaskQuery().taskCandidateGroup(group).count());
      } finally {
        identityService.clearAuthentication();
      }
      IntStream.range(0, 12).forEach(run -> taskService.createTaskQuery().taskCandidateGroup(group).count());

      assertThat(jdbc.queryForObject("show enable_material", String.class))
          .as("later statements of the same transaction").isEqualTo("on");
      assertThat(jdbc.queryForObject("show enable_mergejoin", String.class))
          .as("later statements of the same transaction").isEqualTo("on");
      assertThat(jdbc.queryForObject("select count(*) from pg_prepared_statements where statement like ?",
          Long.class, "%AUTH.RESOURCE_ID_%")).as("the checked count, prepared on the server").isZero();
      assertThat(jdbc.queryForObject("select count(*) from pg_prepared_statements where statement like ? "
              + "and statement not like ?", Long.class, "%from ACT_RU_TASK RES%", "%AUTH.RESOURCE_ID_%"))
          .as("the same count without a user, prepared on the server").isPositive();
    });
  }

  @Test
  void theGroupsWithAuthorizationsAreFoundOneIndexLookUpEach() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> asTheEngineAsks = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbEntityManager().selectList("selectAuthorizedGroupIds").stream().map(String.class::cast).toList());
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo(AuthorizationQueryPlans.AUTHORIZED_GROUPS);
    assertThat(asTheEngineAsks).contains(group).containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
        "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null", String.class));
    assertThat(String.join("\n", jdbc.queryForList("explain " + AuthorizationQueryPlans.authorizedGroupsSql(""),
        String.class)).toLowerCase()).contains("act_idx_auth_group_id").doesNotContain("seq scan");
  }

  /**
   * Explains, on the engine's connection while its session settings hold, each authorization-checked
   * statement the engine runs, with the parameters it was run with.
   */
  @Intercepts(@Signature(type = ResultSetHandler.class, method = "handleResultSets", args = Statement.class))
  static final class PlanProbe implements Interceptor {

    static final ThreadLocal<List<String>> PLANS = new ThreadLocal<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      List<String> plans = PLANS.get();
      MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
      BoundSql sql = (BoundSql) handler.getValue("boundSql");
      if (plans != null && AuthorizationQueryPlans.checksAuthorizations(sql.getSql())) {
        Statement query = (Statement) invocation.getArgs()[0];
        plans.add(explain(query, sql, (ParameterHandler) handler.getValue("parameterHandler")));
      }
      return invocation.proceed();
    }

    private static String explain(Statement query, BoundSql sql, ParameterHandler parameters) throws SQLException {
      try (PreparedStatement explain = query.getConnection().prepareStatement("explain " + sql.getSql())) {
        parameters.setParameters(explain);
        StringBuilder plan = new StringBuilder();
        try (ResultSet lines = explain.executeQuery()) {
          while (lines.next()) {
            plan.append(lines.getString(1)).append('\n');
          }
        }
        return plan.toString();
      }
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, this);
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
