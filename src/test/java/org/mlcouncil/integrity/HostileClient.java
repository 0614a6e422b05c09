package org.mlcouncil.integrity;

import java.util.Map;
import org.mlcouncil.support.WebappSession;
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

  /** A Tasklist session of {@code user}, for {@link #webapp}. */
  WebappSession webappSession(String user) {
    return WebappSession.login(rest, user);
  }

  /** A call to the webapps' engine API in a session from {@link #webappSession}. */
  ResponseEntity<String> webapp(WebappSession session, HttpMethod method, String enginePath, String json) {
    return session.call(method, enginePath, json);
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
