package org.mlcouncil.register;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser's session on the register's pages: its cookies and the form token of the page it last read. */
final class RegisterSession {

  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new HashMap<>();
  private String token = "";

  private RegisterSession(TestRestTemplate rest) {
    // A browser follows redirects itself; the tests look at each answer as it comes.
    this.rest = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
  }

  /** Logs {@code user} (password {@code demo}) in on the register's own login page. */
  static RegisterSession login(TestRestTemplate rest, String user) {
    RegisterSession session = new RegisterSession(rest);
    session.get("/register/login");
    ResponseEntity<String> loggedIn = session.post("/register/login",
        Map.of("username", user, "password", "demo", "next", "/register"));
    if (loggedIn.getStatusCode().value() != 302) {
      throw new IllegalStateException("Register login of " + user + " answered " + loggedIn.getStatusCode());
    }
    return session;
  }

  static RegisterSession anonymous(TestRestTemplate rest) {
    return new RegisterSession(rest);
  }

  ResponseEntity<String> get(String path) {
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
    remember(response);
    return response;
  }

  /** A form post with the session's current token. */
  ResponseEntity<String> post(String path, Map<String, String> form) {
    Map<String, String> withToken = new HashMap<>(form);
    withToken.putIfAbsent("_csrf", token);
    return postExactly(path, withToken);
  }

  /** A form post with exactly these fields, e.g. without the token. */
  ResponseEntity<String> postExactly(String path, Map<String, String> form) {
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST,
        new HttpEntity<>(body, headers(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
    remember(response);
    return response;
  }

  private HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (type != null) {
      headers.setContentType(type);
    }
    if (!cookies.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
          .collect(Collectors.joining("; ")));
    }
    return headers;
  }

  private void remember(ResponseEntity<String> response) {
    for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    if (response.getBody() != null) {
      Matcher matcher = TOKEN.matcher(response.getBody());
      if (matcher.find()) {
        token = matcher.group(1);
      }
    }
  }
}
