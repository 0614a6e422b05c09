package org.mlcouncil.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.platform.Administrators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stands in front of {@code POST /engine-rest/deployment/create}, behind the REST API's
 * authentication. A deployment is code that runs with the engine's rights, so:
 * <ul>
 *   <li>a process owner's deployment is not deployed but kept, and {@code deployment-review}
 *       asks another process owner or an administrator to approve it (202 with its key);</li>
 *   <li>an administrator deploys directly, as Camunda does, and the deployment is recorded;</li>
 *   <li>anyone else is refused (403).</li>
 * </ul>
 */
public class DeploymentReviewFilter extends OncePerRequestFilter {

  /** Models and forms are kilobytes; a larger upload is a mistake or an attack, not a process. */
  static final int MAX_BYTES = 2 * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(DeploymentReviewFilter.class);

  private final IdentityService identityService;
  private final Administrators administrators;
  private final DeploymentReviews reviews;
  private final ObjectMapper mapper;

  public DeploymentReviewFilter(IdentityService identityService, Administrators administrators,
                                DeploymentReviews reviews, ObjectMapper mapper) {
    this.identityService = identityService;
    this.administrators = administrators;
    this.reviews = reviews;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      // Only if this filter ever ran before the authentication filter: fail closed.
      answer(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", "Authentication required", null);
      return;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    try {
      if (administrators.include(caller)) {
        deployDirectly(caller.getUserId(), request, response, chain);
      } else if (groups.contains(Groups.PROCESS_OWNERS)) {
        submitForReview(caller.getUserId(), request, response);
      } else {
        answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", caller.getUserId()
            + " may not deploy: process owners submit deployments for review, administrators deploy.", null);
      }
    } catch (DeploymentRefusal refusal) {
      answer(response, refusal.status(), "DeploymentRefusal", refusal.getMessage(), null);
    }
  }

  private void submitForReview(String submitter, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DeploymentRequest deployment = DeploymentRequest.parse(body(request), request.getContentType());
    ChangeReport changes = reviews.compare(deployment);
    String businessKey = reviews.submit(submitter, deployment, changes);
    log.info("Deployment '{}' by {} awaits review as {}: {}", deployment.name(), submitter, businessKey,
        changes.oneLine());
    answer(response, HttpServletResponse.SC_ACCEPTED, "DeploymentAwaitsReview", "Not deployed yet: " + businessKey
        + " awaits the review of another process owner or an administrator in Tasklist (task 'Review process"
        + " deployment'); it becomes active when approved, and you get a mail either way.", businessKey);
  }

  private void deployDirectly(String administrator, HttpServletRequest request, HttpServletResponse response,
                              FilterChain chain) throws IOException, ServletException {
    byte[] body = body(request);
    DeploymentRequest deployment = DeploymentRequest.parse(body, request.getContentType());
    // Compared before the deployment, which becomes "what the engine runs today".
    ChangeReport changes = reviews.compare(deployment);
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(new BufferedRequest(request, body), answer);
    try {
      if (answer.getStatus() == HttpServletResponse.SC_OK) {
        String deploymentId = mapper.readTree(answer.getContentAsByteArray()).path("id").asText(null);
        String businessKey = reviews.recordDirect(administrator, deployment, changes, deploymentId);
        log.info("Deployment {} '{}' deployed directly by administrator {}, recorded as {}: {}", deploymentId,
            deployment.name(), administrator, businessKey, changes.oneLine());
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  private static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  private static DeploymentRefusal tooLarge() {
    return new DeploymentRefusal(HttpServletResponse.SC_BAD_REQUEST,
        "The deployment is larger than " + MAX_BYTES / (1024 * 1024) + " MB: deploy models and forms only");
  }

  private void answer(HttpServletResponse response, int status, String type, String message, String businessKey)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (businessKey != null) {
      body.put("businessKey", businessKey);
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(mapper.writeValueAsString(body));
  }

  /** The request with its body read already, handed on to Camunda's REST API. */
  private static class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream stream = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return stream.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return stream.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return stream.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is read already");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
