package org.mlcouncil.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A person's HTTP client against one node's {@code /engine-rest} and {@code /api}, with HTTP
 * Basic authentication, as Tasklist or a script calls them. Every answer goes to the tally;
 * a failed connection or a timeout is an answer too ({@link Answer#NO_ANSWER}).
 */
public final class Client {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AppNode node;
  private final String user;
  private final String authorization;
  private final Duration timeout;
  private final Tally tally;
  private final HttpClient http;

  public Client(AppNode node, String user, String password, Duration timeout, Tally tally) {
    this.node = node;
    this.user = user;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.tally = tally;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String user() {
    return user;
  }

  AppNode node() {
    return node;
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(node.base().resolve(path)).timeout(timeout).header("Authorization", authorization);
  }

  private Answer send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    String what = request.method() + " " + request.uri().getPath();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return tally.add(new Answer(node.name(), what, response.statusCode(), response.body(), elapsed(started),
          System.nanoTime()));
    } catch (IOException e) {
      return tally.add(new Answer(node.name(), what, Answer.NO_ANSWER, e.toString(), elapsed(started), System.nanoTime()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return tally.add(new Answer(node.name(), what, Answer.NO_ANSWER, "interrupted", elapsed(started),
          System.nanoTime()));
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
