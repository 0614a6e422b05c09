package org.mlcouncil.outage;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

  @Test
  void theShippedSizesLeaveRequestsTheirShare() {
    assertThatCode(() -> ConnectionBudget.check(25, 5)).doesNotThrowAnyException();
    assertThatCode(() -> ConnectionBudget.check(21, 5)).as("exactly ten left").doesNotThrowAnyException();
  }

  @Test
  void aJobExecutorThatCouldTakeThePoolRefusesToStart() {
    assertThatThrownBy(() -> ConnectionBudget.check(25, 10))
        .hasMessage("spring.datasource.hikari.maximum-pool-size (25) must be at least 31: the job executor may hold 21"
            + " connections (camunda.bpm.job-execution.max-pool-size 10, two each, one for acquisition) and requests need 10");
  }
}
