package org.mlcouncil.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Accounts over the REST API: throttled but never locked, a password policy, no password oracle. */
@IntegrationTest
class AccountSecurityIT {

  private static final String USER = "alexandra";
  private static final String PASSWORD = "Correct-Horse-42";
  /** Longer than the longest wait between two counted attempts (loginDelayMaxTime). */
  private static final long PAST_THE_DELAY_SECONDS = 61;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void createUser() {
    User user = identityService.newUser(USER);
    user.setFirstName("Alexandra");
    user.setLastName("Test");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  @AfterEach
  void deleteUser() {
    TestClock.resume();
    identityService.deleteUser(USER);
  }

  @Test
  void wrongPasswordsSlowAnAccountDownButNeverLockIt() {
    Instant start = ClockUtil.getCurrentTime().toInstant();
    int wrongGuesses = 12; // Camunda's default locks for good after 10
    for (int guess = 1; guess <= wrongGuesses; guess++) {
      TestClock.at(start.plusSeconds(guess * PAST_THE_DELAY_SECONDS));
      assertThat(taskCount(USER, "wrong-" + guess).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    assertThat(taskCount(USER, PASSWORD).getStatusCode()).as("right password within the delay")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    TestClock.at(start.plusSeconds((wrongGuesses + 1) * PAST_THE_DELAY_SECONDS));
    assertThat(taskCount(USER, PASSWORD).getStatusCode()).as("right password after the delay")
        .isEqualTo(HttpStatus.OK);
    assertThat(taskCount(USER, "wrong-again").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(identityService.createUserQuery().userId(USER).singleResult()).as("the account is still there")
        .isNotNull();
  }

  @Test
  void weakPasswordsAreRefusedWithTheirReason() {
    ResponseEntity<Map> ownChange = rest.withBasicAuth(USER, PASSWORD).exchange(
        "/engine-rest/user/" + USER + "/credentials", HttpMethod.PUT,
        new HttpEntity<>(Map.of("password", "1", "authenticatedUserPassword", PASSWORD)), Map.class);
    assertThat(ownChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ownChange.getBody().get("message").toString())
        .isEqualTo("password: does not meet the password policy: " + PasswordRules.DESCRIPTION);
    assertThat(taskCount(USER, PASSWORD).getStatusCode()).as("old password still valid").isEqualTo(HttpStatus.OK);

    ResponseEntity<Map> created = rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "weakling"), "credentials", Map.of("password", "password1")), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();

    User javaApi = identityService.newUser("weakling");
    javaApi.setPassword("Weakling-2026"); // contains the user id
    assertThatThrownBy(() -> identityService.saveUser(javaApi)).isInstanceOf(ProcessEngineException.class);

    ResponseEntity<String> strongChange = rest.withBasicAuth(USER, PASSWORD).exchange(
        "/engine-rest/user/" + USER + "/credentials", HttpMethod.PUT,
        new HttpEntity<>(Map.of("password", "Battery-Staple-7", "authenticatedUserPassword", PASSWORD)), String.class);
    assertThat(strongChange.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskCount(USER, "Battery-Staple-7").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyTheirOwnPasswordCanBeVerifiedByAUser() {
    ResponseEntity<Map> othersPassword = verify(USER, PASSWORD, "clara", "demo");
    assertThat(othersPassword.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(othersPassword.getBody().get("message")).isEqualTo("You may verify only your own password.");

    ResponseEntity<Map> ownPassword = verify(USER, PASSWORD, USER, PASSWORD);
    assertThat(ownPassword.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ownPassword.getBody()).containsEntry("authenticated", true).containsEntry("authenticatedUser", USER);

    ResponseEntity<Map> byAdmin = verify("demo", "demo", USER, PASSWORD);
    assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byAdmin.getBody()).containsEntry("authenticated", true);
  }

  @Test
  void theWebappsOwnApiVerifiesOnlyTheCallersPassword() {
    HttpHeaders session = webappLogin(USER, PASSWORD);
    String verify = "/camunda/api/engine/engine/default/identity/verify";

    ResponseEntity<Map> othersPassword = rest.exchange(verify, HttpMethod.POST,
        new HttpEntity<>(Map.of("username", "clara", "password", "demo"), session), Map.class);
    assertThat(othersPassword.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(othersPassword.getBody().get("message")).isEqualTo("You may verify only your own password.");

    ResponseEntity<Map> ownPassword = rest.exchange(verify, HttpMethod.POST,
        new HttpEntity<>(Map.of("username", USER, "password", PASSWORD), session), Map.class);
    assertThat(ownPassword.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ownPassword.getBody()).containsEntry("authenticated", true);
  }

  /** Logs in to the webapps (their welcome page, which every user may open); returns the session cookie and CSRF token its API calls carry. */
  private HttpHeaders webappLogin(String user, String password) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies(page));
    headers.add("X-XSRF-TOKEN", csrf);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/welcome",
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    // Logging in renews the session, which gets its CSRF token on its first read.
    HttpHeaders session = new HttpHeaders();
    session.add(HttpHeaders.COOKIE, cookies(login));
    ResponseEntity<String> read = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session), String.class);
    session.add("X-XSRF-TOKEN", read.getHeaders().getFirst("X-XSRF-TOKEN"));
    session.setContentType(MediaType.APPLICATION_JSON);
    return session;
  }

  private static String cookies(ResponseEntity<?> response) {
    return String.join("; ", response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
  }

  private ResponseEntity<String> taskCount(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/engine-rest/task/count", String.class);
  }

  private ResponseEntity<Map> verify(String caller, String callerPassword, String user, String password) {
    return rest.withBasicAuth(caller, callerPassword).postForEntity("/engine-rest/identity/verify",
        Map.of("username", user, "password", password), Map.class);
  }
}
