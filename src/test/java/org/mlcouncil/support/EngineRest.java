package org.mlcouncil.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Calls to Camunda's REST API as an external client makes them, with HTTP Basic authentication. */
public final class EngineRest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  private EngineRest() {
  }

  /** The processes Tasklist offers the user under "Start process". */
  public static List<String> startableInTasklist(TestRestTemplate rest, String user) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true", HttpMethod.GET, null, LIST);
    return response.getBody().stream().map(definition -> (String) definition.get("key")).toList();
  }

  /** {@code POST /process-definition/key/<key>/start} with the variables in the REST API's JSON form. */
  public static ResponseEntity<String> start(TestRestTemplate rest, String user, String processKey,
                                             Map<String, Object> variables) {
    Map<String, Object> json = new HashMap<>();
    variables.forEach((name, value) -> {
      Map<String, Object> typed = new HashMap<>();
      typed.put("value", value);
      json.put(name, typed);
    });
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", json), String.class);
  }
}
