package org.mlcouncil.integrity;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Raw calls to {@code /engine-rest} as a demo user (password {@code demo}), the way an
 * attacker with a login sends them: any JSON body, answered with status and body.
 */
final class HostileClient {

  private final TestRestTemplate rest;

  HostileClient(TestRestTemplate rest) {
    this.rest = rest;
  }

  ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method,
        new HttpEntity<>(json, headers), String.class);
  }

  int status(String user, HttpMethod method, String path, String json) {
    return call(user, method, path, json).getStatusCode().value();
  }

  /**
   * Logs in to Tasklist as a browser does (session cookie, CSRF token) and returns the headers
   * that make later calls to the webapps' own engine API ({@code /camunda/api/engine/...}).
   */
  HttpHeaders webappSession(String user) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    Map<String, String> cookies = new java.util.HashMap<>(cookies(page.getHeaders()));
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    login.add("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    ResponseEntity<String> loggedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=" + user + "&password=demo", login), String.class);
    if (!loggedIn.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + loggedIn.getStatusCode());
    }
    cookies.putAll(cookies(loggedIn.getHeaders()));
    HttpHeaders session = new HttpHeaders();
    session.setContentType(MediaType.APPLICATION_JSON);
    session.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    session.add("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    return session;
  }

  /** A call to the webapps' engine API in a session from {@link #webappSession}. */
  ResponseEntity<String> webapp(HttpHeaders session, HttpMethod method, String enginePath, String json) {
    return rest.exchange("/camunda/api/engine/engine/default" + enginePath, method, new HttpEntity<>(json, session),
        String.class);
  }

  private static Map<String, String> cookies(HttpHeaders headers) {
    Map<String, String> cookies = new java.util.HashMap<>();
    for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return cookies;
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** A REST variables object: {@code {"name": {"value": …}}} from already-encoded JSON values. */
  static String variables(Map<String, String> encodedValues) {
    StringBuilder json = new StringBuilder("{");
    encodedValues.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
        .append(quote(name)).append(":{\"value\":").append(value).append('}'));
    return json.append('}').toString();
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
