package org.mlcouncil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcouncil.support.AsyncWork;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.Mailbox;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Onboarding without a directory: an administrator imports the organisation file, each new
 * person gets a welcome mail (real SMTP) with a one-time link, sets their own password against
 * the policy and logs in to Tasklist; a second import changes nothing, a changed file changes
 * exactly what changed, and a bad file changes nothing and names every problem.
 */
@IntegrationTest
class OrganisationImportIT {

  private static final Pattern LINK = Pattern.compile("/account/activate\\.html#token=([A-Za-z0-9._-]+)");
  private static final String STRONG = "Quiet-Harbour-81";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired OrganisationImport organisationImport;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void removeImportedPeople() {
    AsyncWork.awaitDone(managementService);
    for (String id : List.of("onbjane", "onbkumar", "onbli", "onbfile")) {
      identityService.deleteUser(id);
    }
  }

  @Test
  void anAdministratorImportsPeopleWhoSetTheirOwnPasswordsFromTheirWelcomeMail() throws Exception {
    String file = """
        users:
          - id: onbjane
            firstName: Jane
            lastName: Doe
            email: jane.doe@corp.example
            groups: [ml-practitioners, pod-fraud-pm]
          - id: onbkumar
            firstName: Kumar
            lastName: Rao
            email: kumar.rao@corp.example
            groups: [ml-practitioners]
        """;
    JsonNode first = importAs("demo", file, 200);
    assertThat(first.path("created").toString()).isEqualTo("[\"onbjane\",\"onbkumar\"]");
    assertThat(first.path("summary").asText()).isEqualTo("2 created, 0 changed, 0 left alone");
    assertThat(identityService.createUserQuery().memberOfGroup("pod-fraud-pm").userId("onbjane").count()).isEqualTo(1);
    assertThat(identityService.createUserQuery().userId("onbjane").singleResult().getEmail())
        .isEqualTo("jane.doe@corp.example");

    // Nobody knows the new accounts' passwords: not even 'demo' or an empty one opens them.
    assertThat(WebappSession.loginStatus(rest, "tasklist", "onbjane", "demo")).isEqualTo(401);

    MimeMessage welcome = Mailbox.awaitOne("jane.doe@corp.example", "Welcome to the ML Council platform");
    String token = token(Mailbox.text(welcome));
    assertThat(Mailbox.html(welcome)).contains("/account/activate.html#token=" + token);
    assertThat(Mailbox.text(welcome)).contains("onbjane").doesNotContain("password:");
    // The link's secret is nowhere in the process: not in its variables, not in its history.
    assertThat(historyService.createHistoricVariableInstanceQuery().processDefinitionKey("welcome-user").list())
        .allSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain(token.substring(9)));

    ResponseEntity<Map> weak = activate(token, "onbjane-Passw0rd!");
    assertThat(weak.getStatusCode().value()).isEqualTo(400);
    assertThat(weak.getBody().get("field")).isEqualTo("password");
    assertThat((String) weak.getBody().get("message")).contains("without the user id");

    assertThat(activate(token, STRONG).getStatusCode().value()).isEqualTo(204);
    assertThat(WebappSession.loginStatus(rest, "tasklist", "onbjane", STRONG)).isEqualTo(200);
    assertThat(rest.withBasicAuth("onbjane", STRONG).getForEntity("/engine-rest/filter", String.class)
        .getStatusCode().value()).isEqualTo(200);

    ResponseEntity<Map> again = activate(token, "Another-Harbour-82");
    assertThat(again.getStatusCode().value()).isEqualTo(410);
    assertThat(again.getBody().get("field")).isEqualTo("token");
    // The used link set nothing: Jane's password is still her own.
    assertThat(WebappSession.loginStatus(rest, "tasklist", "onbjane", STRONG)).isEqualTo(200);

    // The same file again: nothing to do, and no second welcome.
    JsonNode second = importAs("demo", file, 200);
    assertThat(second.path("summary").asText()).isEqualTo("0 created, 0 changed, 2 left alone");
    AsyncWork.awaitDone(managementService);
    assertThat(Mailbox.messages("jane.doe@corp.example", "Welcome")).hasSize(1);

    // Kumar moved address and became the fraud pod's EM; Li joined.
    JsonNode third = importAs("demo", file.replace("kumar.rao@corp.example", "k.rao@corp.example")
        .replace("groups: [ml-practitioners]\n", "groups: [ml-practitioners, pod-fraud-em]\n") + """
          - id: onbli
            firstName: Li
            lastName: Wei
            email: li.wei@corp.example
            groups: [ml-council]
        """, 200);
    assertThat(third.path("summary").asText()).isEqualTo("1 created, 1 changed, 1 left alone");
    assertThat(third.path("changed").path("onbkumar").toString()).isEqualTo("[\"email\",\"+pod-fraud-em\"]");
    assertThat(third.path("unchanged").toString()).isEqualTo("[\"onbjane\"]");
    assertThat(identityService.createUserQuery().userId("onbkumar").singleResult().getEmail()).isEqualTo("k.rao@corp.example");
    // Kumar lost his mail: an administrator sends a new one, whose link replaces the first.
    String kumarsFirst = token(Mailbox.text(Mailbox.awaitOne("kumar.rao@corp.example", "Welcome")));
    assertThat(rest.withBasicAuth("paul", "demo").postForEntity("/api/organisation/users/onbkumar/welcome", null,
        String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/organisation/users/nobodyhere/welcome", null,
        String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/organisation/users/onbkumar/welcome", null,
        String.class).getStatusCode().value()).isEqualTo(202);
    await().until(() -> Mailbox.messages("k.rao@corp.example", "Welcome").size() == 1);
    String kumarsSecond = token(Mailbox.text(Mailbox.messages("k.rao@corp.example", "Welcome").get(0)));
    assertThat(activate(kumarsFirst, STRONG).getStatusCode().value()).isEqualTo(410);
    assertThat(activate(kumarsSecond, STRONG).getStatusCode().value()).isEqualTo(204);
    // Jane's own password survives every later import.
    assertThat(WebappSession.loginStatus(rest, "tasklist", "onbjane", STRONG)).isEqualTo(200);
    Mailbox.awaitOne("li.wei@corp.example", "Welcome");
  }

  @Test
  void onlyAnAdministratorImportsAndABadFileChangesNothing() {
    assertThat(importAs("paul", "users: []", 403).path("message").asText()).contains("only an administrator");
    JsonNode refused = importAs("demo", """
        users:
          - id: onbjane
            firstName: Jane
            lastName: Doe
            email: jane.doe@corp.example
            groups: [ml-practitioners]
          - id: onb-kumar
            firstName: Kumar
            lastName: Rao
            email: "Kumar <kumar@corp.example>, boss@corp.example"
            groups: [ml-practitioners]
            role: boss
          - id: onbjane
            firstName: ""
            lastName: Doe
            email: jd@corp.example
        """, 400);
    assertThat(refused.path("field").asText()).isEqualTo("users[1].role");
    assertThat(refused.path("errors").toString())
        .contains("users[1].id: 'onb-kumar' is not a user id")
        .contains("users[1].email:")
        .contains("users[2].id: 'onbjane' appears twice")
        .contains("users[2].firstName: give a name");
    JsonNode unknownGroup = importAs("demo", """
        users:
          - id: onbjane
            firstName: Jane
            lastName: Doe
            email: jane.doe@corp.example
            groups: [ml-practitioners, pod-weather-pm]
        """, 400);
    assertThat(unknownGroup.path("message").asText()).isEqualTo("users[0].groups: no group 'pod-weather-pm' "
        + "(see README, Onboarding, for the groups)");
    assertThat(importAs("demo", "users: [unclosed", 400).path("field").asText()).isEqualTo("file");
    assertThat(identityService.createUserQuery().userIdIn("onbjane", "onbkumar").count()).isZero();
  }

  @Test
  void theFileNamedInTheConfigurationIsImportedAtStartUp(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("organisation.yaml");
    Files.writeString(file, """
        users:
          - id: onbfile
            firstName: Fiona
            lastName: File
            email: fiona.file@corp.example
            groups: [pod-search-em]
        """);
    new OrganisationFileAtStartup(organisationImport, file).run(null);
    new OrganisationFileAtStartup(organisationImport, file).run(null);
    assertThat(identityService.createUserQuery().userId("onbfile").memberOfGroup("pod-search-em").count()).isEqualTo(1);
    Mailbox.awaitOne("fiona.file@corp.example", "Welcome");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private JsonNode importAs(String user, String file, int expectedStatus) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo")
        .postForEntity("/api/organisation/import", new HttpEntity<>(file, headers), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(expectedStatus);
    try {
      return json.readTree(answer.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + answer.getBody(), e);
    }
  }

  private ResponseEntity<Map> activate(String token, String password) {
    return rest.postForEntity("/account/activation", Map.of("token", token, "password", password), Map.class);
  }

  private static String token(String mailText) {
    Matcher link = LINK.matcher(mailText);
    assertThat(link.find()).as(mailText).isTrue();
    return link.group(1);
  }
}
