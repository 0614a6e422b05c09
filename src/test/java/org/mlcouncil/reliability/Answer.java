package org.mlcouncil.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One answer to a click: which node gave it to which request, its status (or {@link #NO_ANSWER}
 * when the connection failed or timed out), body, how long it took and when it came
 * ({@link System#nanoTime()}).
 */
public record Answer(String node, String request, int status, String body, long millis, long at) {

  static final int NO_ANSWER = -1;
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }

  boolean serverError() {
    return status >= 500;
  }

  boolean unanswered() {
    return status == NO_ANSWER;
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a JSON answer (" + status + "): " + body, e);
    }
  }

  /** The {@code id} of the created resource, e.g. a started process instance. */
  public String id() {
    return json().get("id").asText();
  }

  @Override
  public String toString() {
    return node + " " + request + " " + status + " in " + millis + " ms: " + (body.length() > 200 ? body.substring(0, 200) : body);
  }
}
