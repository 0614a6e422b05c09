package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseOutageFilterTest {

  private final DatabaseOutageFilter filter = new DatabaseOutageFilter(new ObjectMapper());
  private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/proposals/MLP-2026-0001/withdrawal");
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @Test
  void aRequestThatFailedForAnOutageIsAnswered503WithAReason() throws Exception {
    // As Spring MVC rethrows what a controller threw.
    filter.doFilter(request, response, (req, res) -> {
      throw new ServletException("Request processing failed", new CannotGetJdbcConnectionException(
          "Failed to obtain JDBC Connection", new SQLTransientConnectionException("Connection is not available")));
    });

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("60");
    assertThat(response.getContentType()).isEqualTo("application/json");
    assertThat(response.getContentAsString())
        .isEqualTo("{\"type\":\"ServiceUnavailable\",\"message\":\"The database is not reachable; try again in a minute\"}");
  }

  @Test
  void anyOtherFailurePassesThrough() {
    IllegalStateException bug = new IllegalStateException("a bug");

    assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
      throw bug;
    })).isSameAs(bug);
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
