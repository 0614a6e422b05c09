package org.mlcouncil.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Calls to Camunda's REST API as an external client makes them, with HTTP Basic authentication. */
public final class EngineRest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
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
    return rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", typed(variables)),
        String.class);
  }

  /** {@code POST /task/<id>/complete} with the form's values, as Tasklist submits them. */
  public static ResponseEntity<String> complete(TestRestTemplate rest, String user, String taskId,
                                                Map<String, Object> variables) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", typed(variables)), String.class);
  }

  /** The id in a successful answer, e.g. of the process instance a start created. */
  public static String id(ResponseEntity<String> response) {
    try {
      return new ObjectMapper().readTree(response.getBody()).get("id").asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not a JSON answer: " + response.getBody(), e);
    }
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> json = new HashMap<>();
    variables.forEach((name, value) -> {
      Map<String, Object> typed = new HashMap<>();
      typed.put("value", value);
      json.put(name, typed);
    });
    return json;
  }

  /** {@code POST /deployment/create} as Camunda Modeler sends it: the resources as files, by name. */
  public static ResponseEntity<Map<String, Object>> deploy(TestRestTemplate rest, String user, String deploymentName,
                                                          Map<String, byte[]> resources) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", deploymentName);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    resources.forEach((name, bytes) -> form.add(name, new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), MAP);
  }
}
