package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.mlcouncil.outage.DatabaseOutage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

class RestApiErrorsTest {

  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");

  @Test
  void anOutageIsAnswered503WithAReasonWhateverWrapsIt() {
    SQLTransientConnectionException timeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 3000ms");

    for (Throwable failure : new Throwable[] {
        new ProcessEngineException("ENGINE-03004 query failed", new PersistenceException(timeout)),
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction", timeout)}) {
      Response response = RestApiErrors.respond(request, failure);

      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
      assertThat(response.getEntity()).isEqualTo(DatabaseOutage.body());
    }
  }

  @Test
  void anyOtherEngineFailureStaysA500() {
    Response response = RestApiErrors.respond(request, new ProcessEngineException("ENGINE-03083 flush failed"));

    assertThat(response.getStatus()).isEqualTo(500);
  }
}
