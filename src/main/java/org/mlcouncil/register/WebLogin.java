package org.mlcouncil.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * One login for the register and the Camunda webapps: the register reads the webapps' session
 * authentication (Tasklist's login counts here), and its own login page creates exactly that
 * authentication, so it also logs the user in to Tasklist. Passwords are checked by the engine,
 * with its login throttling. Forms that change something carry a per-session token, as the
 * webapps' own API does, so another site cannot post them in the user's name.
 */
@Component
public class WebLogin {

  static final String CSRF = "mlcouncil.register.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProcessEngine processEngine;
  private final IdentityService identityService;

  public WebLogin(ProcessEngine processEngine, IdentityService identityService) {
    this.processEngine = processEngine;
    this.identityService = identityService;
  }

  /** The user logged in to this engine in the webapps' session, if any. */
  public Optional<String> userId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(processEngine.getName());
    return Optional.ofNullable(authentication).map(Authentication::getName);
  }

  /** Checks the password; on success the request continues in a fresh session, logged in. */
  public boolean login(HttpServletRequest request, String userId, String password) {
    identityService.clearAuthentication();
    if (userId == null || password == null || userId.length() > 128 || password.length() > 1024
        || !identityService.checkPassword(userId, password)) {
      return false;
    }
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(processEngine, userId);
    // A new session id, so that a session planted before the login is worth nothing after it.
    AuthenticationUtil.revalidateSession(request, authentication);
    return true;
  }

  public void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** The session's form token, created with the session if needed. */
  public String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object token = session.getAttribute(CSRF);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(CSRF, token);
    }
    return (String) token;
  }

  public void requireCsrf(HttpServletRequest request, String sent) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CSRF);
    if (token == null || sent == null || !MessageDigest.isEqual(token.toString().getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8))) {
      throw new RegisterRefusal(403, "_csrf", "the form has expired; reload the page and try again");
    }
  }
}
