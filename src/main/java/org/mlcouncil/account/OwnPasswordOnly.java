package org.mlcouncil.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.mlcouncil.platform.Administrators;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps {@code POST /identity/verify} from being a password oracle: Camunda lets any user test
 * any user's password there (and each wrong guess slows the victim's account down). Only the
 * caller's own password may be verified, or any by an administrator; other requests get 403.
 * On {@code /engine-rest} it runs after the REST API's authentication filter, which tells the
 * engine who calls; on the webapps' copy of the API ({@code /camunda/api/engine/engine/<name>/})
 * it runs before the webapps' filters, so the caller is the one the webapp session holds.
 */
public class OwnPasswordOnly extends OncePerRequestFilter {

  private static final String VERIFY = "/identity/verify";

  private final IdentityService identityService;
  private final Administrators administrators;
  private final ObjectMapper json;
  private final String webappEngineApi;

  /** @param webappEngineApi where the webapps serve the engine's REST API, e.g. {@code /camunda/api/engine/engine/} */
  public OwnPasswordOnly(IdentityService identityService, Administrators administrators,
                         ObjectMapper json, String webappEngineApi) {
    this.identityService = identityService;
    this.administrators = administrators;
    this.json = json;
    this.webappEngineApi = webappEngineApi;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith(VERIFY));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    Authentication caller = caller(request);
    if (caller != null && (caller.getUserId().equals(username(body)) || administrators.include(caller))) {
      chain.doFilter(new ReadBody(request, body), response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("type", "AuthorizationException",
        "message", "You may verify only your own password."));
  }

  private Authentication caller(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(webappEngineApi)) {
      return identityService.getCurrentAuthentication();
    }
    HttpSession session = request.getSession(false);
    String engine = path.substring(webappEngineApi.length(), path.length() - VERIFY.length());
    if (session == null || !(AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user)) {
      return null;
    }
    return new Authentication(user.getIdentityId(), user.getGroupIds());
  }

  private String username(byte[] body) {
    try {
      return json.readTree(body).path("username").asText(null);
    } catch (IOException unreadable) {
      return null;
    }
  }

  /** The request with its body, which this filter already read, to read again. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
