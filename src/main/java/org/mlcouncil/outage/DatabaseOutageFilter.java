package org.mlcouncil.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 for a request of any API that failed for a database or directory outage outside the
 * REST applications' exception mappers: in the authentication filters (which check passwords in
 * the database or the directory), in the webapps' session filter and in the platform's own
 * Spring MVC endpoints.
 * Anything else passes through unchanged.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  public DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      boolean database = DatabaseOutage.isCause(failure);
      if (!database && !DirectoryOutage.isCause(failure) || response.isCommitted()) {
        throw failure;
      }
      if (database) {
        DatabaseOutage.logAnswered(request.getMethod(), request.getRequestURI(), failure);
      } else {
        DirectoryOutage.logAnswered(request.getMethod(), request.getRequestURI(), failure);
      }
      response.resetBuffer();
      response.setStatus(DatabaseOutage.STATUS);
      response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), database ? DatabaseOutage.body() : DirectoryOutage.body());
    }
  }
}
