package org.mlcouncil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API answers are data about people and decisions: a browser must neither guess another type
 * for them nor keep them on disk. Camunda sets {@code nosniff} on its webapps' own API only, and
 * its REST API answers with {@code no-cache}, which still allows storing; both are overridden
 * here, before the answer is written, whichever status it has.
 */
public class ApiResponseHeaders extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
