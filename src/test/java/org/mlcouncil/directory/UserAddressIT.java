package org.mlcouncil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Nobody saves an e-mail address a mail cannot go to, whichever way the user is written. */
@IntegrationTest
class UserAddressIT {

  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  String userId;

  @BeforeEach
  void newUser() {
    userId = "ada" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(userId);
    user.setFirstName("Ada");
    user.setLastName("Lovelace");
    user.setEmail(userId + "@mlcouncil.example");
    user.setPassword("Address-Check-2026!");
    identityService.saveUser(user);
  }

  @AfterEach
  void deleteUser() {
    identityService.deleteUser(userId);
  }

  @Test
  void aUserCannotSaveAnUnparsableAddressInTheirProfileOverRest() {
    for (String bad : new String[] {"bad)addr@evil.example", "Ada <ada@evil.example>", "ada@evil.example, boss@evil.example"}) {
      ResponseEntity<String> refused = updateProfile(bad);

      assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("email: '" + bad + "' is not a valid e-mail address")
          .doesNotContain("at org.");
    }
    assertThat(email()).isEqualTo(userId + "@mlcouncil.example");

    assertThat(updateProfile("ada.lovelace@example.org").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(email()).isEqualTo("ada.lovelace@example.org");
  }

  @Test
  void anAdministratorCannotCreateAUserWithAnUnparsableAddress() {
    String other = "bob" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> refused = rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", other, "firstName", "Bob", "lastName", "Bad", "email", "bob@evil.example>"),
            "credentials", Map.of("password", "Address-Check-2026!")), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("email: 'bob@evil.example>' is not a valid e-mail address");
    assertThat(identityService.createUserQuery().userId(other).count()).isZero();
  }

  @Test
  void theJavaApiRefusesItTooAndAUserWithoutAnAddressIsFine() {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setEmail("x".repeat(300) + "@evil.example");
    assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("email: 'xxx").hasMessageContaining("…' is not a valid e-mail address");

    user.setEmail(null);
    identityService.saveUser(user);
    assertThat(email()).isNull();
  }

  private ResponseEntity<String> updateProfile(String email) {
    return rest.withBasicAuth(userId, "Address-Check-2026!").exchange("/engine-rest/user/" + userId + "/profile", HttpMethod.PUT,
        new HttpEntity<>(Map.of("id", userId, "firstName", "Ada", "lastName", "Lovelace", "email", email)), String.class);
  }

  private String email() {
    return identityService.createUserQuery().userId(userId).singleResult().getEmail();
  }
}
