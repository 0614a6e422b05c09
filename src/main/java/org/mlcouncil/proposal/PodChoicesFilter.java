package org.mlcouncil.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.mlcouncil.directory.PodStaffing;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Offers in the proposal's start and amend forms only the pods that can review a proposal (see
 * {@link PodStaffing}): Tasklist gives a start form no process variables, so the choice cannot
 * come from the process; it is narrowed in the deployed form as Tasklist fetches it
 * ({@code …/deployed-start-form}, {@code …/deployed-form}). The server refuses other pods anyway.
 */
public class PodChoicesFilter extends OncePerRequestFilter {

  static final Set<String> FORMS = Set.of("submit-ml-proposal", "amend-ml-proposal");

  private final PodStaffing podStaffing;
  private final ObjectMapper mapper;

  public PodChoicesFilter(PodStaffing podStaffing, ObjectMapper mapper) {
    this.podStaffing = podStaffing;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !"GET".equals(request.getMethod()) || !(uri.endsWith("/deployed-start-form") || uri.endsWith("/deployed-form"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper form = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, form);
    byte[] body = form.getContentAsByteArray();
    JsonNode schema = form.getStatus() == HttpServletResponse.SC_OK && body.length > 0 ? readForm(body) : null;
    if (schema != null && FORMS.contains(schema.path("id").asText())) {
      narrowPods(schema, podStaffing.reviewingPods());
      form.resetBuffer();
      form.getOutputStream().write(mapper.writeValueAsBytes(schema));
    }
    form.copyBodyToResponse();
  }

  private JsonNode readForm(byte[] body) {
    try {
      JsonNode schema = mapper.readTree(body);
      return schema != null && schema.isObject() ? schema : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void narrowPods(JsonNode container, List<String> reviewing) {
    for (JsonNode component : container.path("components")) {
      if ("pod".equals(component.path("key").asText()) && component.path("values").isArray()) {
        ArrayNode values = (ArrayNode) component.path("values");
        for (int index = values.size() - 1; index >= 0; index--) {
          if (!reviewing.contains(values.get(index).path("value").asText())) {
            values.remove(index);
          }
        }
        ((ObjectNode) component).put("description", "The pod (vertical) whose leads review the business case; "
            + "pods without leads to review are not offered");
      }
      narrowPods(component, reviewing);
    }
  }
}
