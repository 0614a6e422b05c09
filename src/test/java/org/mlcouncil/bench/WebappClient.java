package org.mlcouncil.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.mlcouncil.reliability.AppNode;

/**
 * A person logged in to Tasklist as a browser is: the session cookie from the login form, and the
 * CSRF token the webapps set as the {@code XSRF-TOKEN} cookie sent back as {@code X-XSRF-TOKEN}.
 * Calls carry the {@code Accept} header of Tasklist's HTTP client (camunda-bpm-sdk-js), which asks
 * for HAL first, so the engine answers them as it answers Tasklist.
 */
final class WebappClient {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String TASKLIST_ACCEPT = "application/hal+json, application/json; q=0.5";

  /** One answer and how long it took, from sending the request to the last byte of the body. */
  record Timed(int status, String body, double millis) {
  }

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private WebappClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Logs the user in as Tasklist's login page does; the register shares this session. */
  static WebappClient login(AppNode node, String user, String password) {
    WebappClient client = new WebappClient(node.base());
    client.send("GET", "/camunda/app/tasklist/default/", null, "text/html");
    Timed login = client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), TASKLIST_ACCEPT,
        "application/x-www-form-urlencoded");
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + login.status());
    }
    // The login starts a new session, whose CSRF token Tasklist fetches with its next GET.
    client.send("GET", "/camunda/api/admin/auth/user/default", null, TASKLIST_ACCEPT);
    return client;
  }

  /** A call to the webapps' engine API as Tasklist makes it; anything but 2xx fails the part. */
  Timed engine(String method, String path, String json) {
    return engine(method, path, json, TASKLIST_ACCEPT);
  }

  Timed engine(String method, String path, String json, String accept) {
    return expectOk(method, ENGINE + path, send(method, ENGINE + path, json, accept));
  }

  /** A page of the application (e.g. the register) in this session. */
  Timed page(String path) {
    return expectOk("GET", path, send("GET", path, null, "text/html"));
  }

  private static Timed expectOk(String method, String path, Timed answer) {
    if (answer.status() < 200 || answer.status() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
          + answer.body().substring(0, Math.min(300, answer.body().length())));
    }
    return answer;
  }

  private Timed send(String method, String path, String body, String accept) {
    return send(method, path, body, accept, "application/json");
  }

  private Timed send(String method, String path, String body, String accept, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", accept).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Timed(response.statusCode(), response.body(), (System.nanoTime() - started) / 1e6);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
