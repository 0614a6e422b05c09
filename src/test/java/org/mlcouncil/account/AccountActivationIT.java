package org.mlcouncil.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.platform.PublicLinks;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The one-time links of welcome mails, against {@code POST /account/activation}: a link works
 * once, only before its expiry, only while it is the user's latest, and never for a made-up token.
 */
@IntegrationTest
class AccountActivationIT {

  private static final String USER = "activationuser";
  private static final String STRONG = "Velvet-Orchard-27";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired AccountActivation activation;
  @Autowired PublicLinks links;

  @BeforeEach
  void createUser() {
    User user = identityService.newUser(USER);
    user.setFirstName("Ada");
    user.setLastName("Activation");
    user.setEmail("ada.activation@corp.example");
    user.setPassword(AccountActivation.unknowablePassword(user));
    identityService.saveUser(user);
    identityService.createMembership(USER, "ml-practitioners");
  }

  @AfterEach
  void removeUser() {
    identityService.deleteUser(USER);
  }

  @Test
  void aLinkPastItsExpiryIsRefused() {
    // Made as by a platform whose links had expired a day ago: the expiry travels with the link.
    String token = new AccountActivation(identityService, links, Duration.ofDays(-1)).issue(USER);
    ResponseEntity<Map> late = activate(token, STRONG);
    assertThat(late.getStatusCode().value()).isEqualTo(410);
    assertThat(late.getBody()).containsEntry("field", "token");
    assertThat((String) late.getBody().get("message")).contains("expired").contains("ask an administrator");
    assertThat(WebappSession.loginStatus(rest, "tasklist", USER, STRONG)).isEqualTo(401);
  }

  @Test
  void onlyTheLatestLinkWorks() {
    String first = activation.issue(USER);
    String second = activation.issue(USER);
    assertThat(activate(first, STRONG).getStatusCode().value()).isEqualTo(410);
    assertThat(activate(second, STRONG).getStatusCode().value()).isEqualTo(204);
    assertThat(WebappSession.loginStatus(rest, "tasklist", USER, STRONG)).isEqualTo(200);
  }

  @Test
  void madeUpTokensAndMissingPasswordsAreRefused() {
    String token = activation.issue(USER);
    assertThat(activate(USER + ".not-the-secret", STRONG).getStatusCode().value()).isEqualTo(410);
    assertThat(activate("demo.anything", STRONG).getStatusCode().value()).isEqualTo(410);
    assertThat(activate("garbage", STRONG).getStatusCode().value()).isEqualTo(410);
    ResponseEntity<Map> empty = activate(token, "");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody()).containsEntry("field", "password");
    // The refusals above did not use the link up.
    ResponseEntity<Map> activated = activate(token, STRONG);
    assertThat(activated.getStatusCode().value()).isEqualTo(204);
    assertThat(activated.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(rest.getForEntity("/account/activate.html", String.class).getBody()).contains("Set your ML Council password");
  }

  private ResponseEntity<Map> activate(String token, String password) {
    return rest.postForEntity("/account/activation", Map.of("token", token, "password", password), Map.class);
  }
}
