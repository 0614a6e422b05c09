package org.mlcouncil.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A user logged in to Tasklist as a browser is (session cookie, CSRF token), calling the webapps'
 * own engine API ({@code /camunda/api/engine/engine/default/...}) as Tasklist does.
 */
public final class WebappSession {

  private final TestRestTemplate rest;
  private final HttpHeaders headers;

  private WebappSession(TestRestTemplate rest, HttpHeaders headers) {
    this.rest = rest;
    this.headers = headers;
  }

  /** Logs {@code user} (password {@code demo}) in to Tasklist. */
  public static WebappSession login(TestRestTemplate rest, String user) {
    return login(rest, user, "demo");
  }

  /** Logs {@code user} in to Tasklist with their password. */
  public static WebappSession login(TestRestTemplate rest, String user, String password) {
    Map<String, String> cookies = new HashMap<>();
    ResponseEntity<String> loggedIn = loginTo(rest, "default", "tasklist", user, password, cookies);
    if (!loggedIn.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + loggedIn.getStatusCode());
    }
    cookies.putAll(cookies(loggedIn.getHeaders()));
    // The login starts a new session, whose CSRF token Tasklist fetches with its next GET.
    HttpHeaders asLoggedIn = new HttpHeaders();
    asLoggedIn.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    cookies.putAll(cookies(rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(asLoggedIn), String.class).getHeaders()));
    HttpHeaders session = new HttpHeaders();
    session.setContentType(MediaType.APPLICATION_JSON);
    session.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    session.add("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    return new WebappSession(rest, session);
  }

  /**
   * The answer to logging {@code user} in to a webapp ({@code tasklist}, {@code cockpit}, {@code admin})
   * as its login page does: 200, or 401 when the password or the application's ACCESS is missing.
   */
  public static int loginStatus(TestRestTemplate rest, String app, String user, String password) {
    return loginStatus(rest, "default", app, user, password);
  }

  /** The same on the engine of that name. */
  public static int loginStatus(TestRestTemplate rest, String engine, String app, String user, String password) {
    return loginTo(rest, engine, app, user, password, new HashMap<>()).getStatusCode().value();
  }

  private static ResponseEntity<String> loginTo(TestRestTemplate rest, String engine, String app, String user,
                                                String password, Map<String, String> cookies) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/" + engine + "/", String.class);
    cookies.putAll(cookies(page.getHeaders()));
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    login.add("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    return rest.exchange("/camunda/api/admin/auth/user/" + engine + "/login/" + app, HttpMethod.POST,
        new HttpEntity<>("username=" + encode(user) + "&password=" + encode(password), login), String.class);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A call to the webapps' engine API, e.g. {@code POST /task/<id>/submit-form}. */
  public ResponseEntity<String> call(HttpMethod method, String enginePath, String json) {
    return rest.exchange("/camunda/api/engine/engine/default" + enginePath, method, new HttpEntity<>(json, headers),
        String.class);
  }

  private static Map<String, String> cookies(HttpHeaders headers) {
    Map<String, String> cookies = new HashMap<>();
    for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return cookies;
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }
}
