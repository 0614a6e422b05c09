package org.mlcouncil.account;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /account/activation}: a new user sets their password with the link of their
 * welcome mail (page {@code /account/activate.html}). Anonymous by nature, outside {@code /api}:
 * the link's token is the proof, and it works once.
 */
@RestController
public class ActivationController {

  private static final Logger log = LoggerFactory.getLogger(ActivationController.class);

  private final AccountActivation activation;

  public ActivationController(AccountActivation activation) {
    this.activation = activation;
  }

  public record ActivationRequest(String token, String password) {
  }

  @PostMapping("/account/activation")
  public ResponseEntity<Map<String, String>> activate(@RequestBody(required = false) ActivationRequest request) {
    if (request == null || request.password() == null || request.password().isEmpty()) {
      return refuse(HttpStatus.BAD_REQUEST, "password", "choose a password: " + PasswordRules.DESCRIPTION);
    }
    return switch (activation.activate(request.token(), request.password())) {
      case ACTIVATED -> ResponseEntity.noContent().build();
      case WEAK_PASSWORD -> refuse(HttpStatus.BAD_REQUEST, "password",
          "does not meet the password policy: " + PasswordRules.DESCRIPTION);
      case INVALID_LINK -> refuse(HttpStatus.GONE, "token",
          "this link is unknown, used already or expired; ask an administrator for a new one");
    };
  }

  private static ResponseEntity<Map<String, String>> refuse(HttpStatus status, String field, String message) {
    log.info("Refused: account activation: {}: {}", field, message);
    return ResponseEntity.status(status).body(Map.of("field", field, "message", field + ": " + message));
  }
}
