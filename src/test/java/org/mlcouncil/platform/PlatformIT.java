package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.mlcouncil.directory.DemoOrganisation;
import org.mlcouncil.directory.OrganisationSetup;
import org.mlcouncil.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PlatformIT {

  private static final Logger log = LoggerFactory.getLogger(PlatformIT.class);
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired DataSource dataSource;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired OrganisationSetup organisationSetup;
  @Autowired DemoOrganisation demoOrganisation;

  @Test
  void runsOnRealPostgresql() {
    String version = new JdbcTemplate(dataSource).queryForObject("select version()", String.class);
    log.info("Integration tests run on {}", version);
    assertThat(version).startsWith("PostgreSQL 17");
    Integer camundaTables = new JdbcTemplate(dataSource).queryForObject(
        "select count(*) from information_schema.tables where table_name like 'act_%'", Integer.class);
    assertThat(camundaTables).isGreaterThan(40);
  }

  @Test
  void deploysEveryModelAndFormUnderStableNames() {
    Deployment deployment = repositoryService.createDeploymentQuery()
        .deploymentName(ProcessResourcesDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().desc().list().get(0);
    List<String> names = repositoryService.getDeploymentResourceNames(deployment.getId());
    assertThat(names).contains("bpmn/platform-mail-check.bpmn", "bpmn/task-notification.bpmn",
        "forms/platform-mail-check-start.form", "forms/confirm-test-mail.form");
    assertThat(names).allMatch(name -> name.matches("(bpmn|forms)/[a-z0-9-]+\\.(bpmn|dmn|form)"));
  }

  @Test
  void restApiRefusesAnonymousCalls() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void restApiShowsEachUserWhatTheirGroupsMayStart() {
    assertThat(definitionKeys("demo", "demo")).contains("platform-mail-check", "task-notification", "ml-proposal",
        "council-review", "ml-review-meeting", "council-rotation", "yearly-council-rotation");
    assertThat(definitionKeys("olivia", "demo")).contains("platform-mail-check");
    assertThat(definitionKeys("paul", "demo")).contains("ml-proposal").doesNotContain("platform-mail-check", "council-rotation");

    ResponseEntity<String> wrongPassword = rest.withBasicAuth("nobody", "wrong")
        .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void demoOrganisationHasEveryRole() {
    assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    assertThat(members("camunda-admin")).contains("demo");
    assertThat(members("ml-council")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(members("ml-council-chair")).containsExactly("clara");
    assertThat(members("ml-council-chair")).isSubsetOf(members("ml-council"));
    for (String track : List.of("ml-engineers", "data-scientists", "ml-infra")) {
      assertThat(members(track)).as(track).isNotEmpty().anyMatch(members("ml-council")::contains);
    }
    for (String pod : List.of("search", "dispatch")) {
      for (String lead : List.of("pm", "em", "ds-manager", "analytics-manager")) {
        assertThat(members("pod-" + pod + "-" + lead)).as(pod + " " + lead).hasSize(1);
      }
    }
    assertThat(members("process-owners")).contains("olivia");
    assertThat(identityService.createUserQuery().userId("sarah").singleResult().getEmail())
        .isEqualTo("sarah@mlcouncil.example");
  }

  @Test
  void setupIsIdempotent() throws Exception {
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();

    organisationSetup.run(new DefaultApplicationArguments());
    demoOrganisation.run(new DefaultApplicationArguments());

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
  }

  @Test
  void apiAnswersAreNeitherSniffedNorCached() {
    List<ResponseEntity<String>> answers = List.of(
        rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/count", String.class),
        rest.getForEntity("/engine-rest/task/count", String.class),
        rest.getForEntity("/api/proposals", String.class),
        rest.getForEntity("/actuator/health", String.class));
    assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsExactly(200, 401, 401, 200);
    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    });
  }

  @Test
  void tasklistAndHealthAreServed() {
    assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getBody())
        .contains("Tasklist");
    assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
  }

  @Test
  void readinessNeedsTheDatabaseAndLivenessDoesNot() {
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    ResponseEntity<String> liveness = rest.getForEntity("/actuator/health/liveness", String.class);

    assertThat(readiness.getBody()).contains("\"db\":{\"status\":\"UP\"}").doesNotContain("mail");
    assertThat(liveness.getBody()).contains("\"livenessState\":{\"status\":\"UP\"}").doesNotContain("db");
  }

  @Test
  void noWaitForTheDatabaseLastsMoreThanSeconds() throws SQLException {
    assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout()).isEqualTo(3000);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getNetworkTimeout()).as("pgjdbc socketTimeout, in ms").isEqualTo(10_000);
    }
  }

  private List<String> definitionKeys(String user, String password) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, password)
        .exchange("/engine-rest/process-definition", HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(definition -> (String) definition.get("key")).toList();
  }

  private List<String> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(user -> user.getId()).toList();
  }
}
