package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.ActingUser;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** PostgreSQL plans Tasklist's authorization-checked lists for the authorizations they really join. */
@IntegrationTest
class AuthorizationQueryPlansIT {

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void theStatisticsKnowHowManyAuthorizationsGrantEachTestedPermission() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("analyze ACT_RU_AUTHORIZATION");
    for (int bit : AuthorizationQueryPlans.TESTED_BITS) {
      String granting = "from ACT_RU_AUTHORIZATION where (PERMS_ & " + bit + ") = " + bit;
      long actual = jdbc.queryForObject("select count(*) " + granting, Long.class);
      String plan = jdbc.queryForObject("explain (format json) select * " + granting, String.class);
      long estimated = Long.parseLong(plan.replaceAll("(?s).*\"Plan Rows\": (\\d+).*", "$1"));
      // Without them PostgreSQL guesses 0.5 % of the table for any permission.
      assertThat(estimated).as("estimate for permission %d", bit).isBetween(actual * 8 / 10, actual * 12 / 10 + 1);
    }
  }

  @Test
  void aUsersTaskListIsPlannedForEachRunWhileOtherQueriesStayPreparedOnTheServer() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // One transaction: the engine's queries and the look at pg_prepared_statements share its connection.
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      long authorizationChecked = ActingUser.as(identityService, "sarah",
          () -> IntStream.range(0, 12).mapToLong(run -> taskService.createTaskQuery().count()).max().orElseThrow());
      long unchecked = IntStream.range(0, 12).mapToLong(run -> taskService.createTaskQuery().count()).max().orElseThrow();
      assertThat(unchecked).as("sarah sees only her tasks").isGreaterThanOrEqualTo(authorizationChecked);

      assertThat(jdbc.queryForObject("select count(*) from pg_prepared_statements where statement like ?",
          Long.class, "%AUTH.RESOURCE_ID_%")).as("sarah's task count, prepared on the server").isZero();
      assertThat(jdbc.queryForObject("select count(*) from pg_prepared_statements where statement like ? "
              + "and statement not like ?", Long.class, "%from ACT_RU_TASK RES%", "%AUTH.RESOURCE_ID_%"))
          .as("the same count without authorization check, prepared on the server").isPositive();
    });
  }
}
