package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryLadderTest {

  private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofHours(1));
  private final RetryLadder ladder = new RetryLadder(DELAYS);

  @Test
  void eachFailureWaitsTheNextDelayAndTheOneAfterTheLastLeavesNoRetry() {
    List<Duration> waited = new ArrayList<>();
    Integer retries = null;
    RetryLadder.Step step;
    do {
      step = ladder.afterFailure(retries);
      retries = step.retries();
      if (retries > 0) {
        waited.add(step.delay());
      }
    } while (retries > 0);

    assertThat(waited).isEqualTo(DELAYS);
    assertThat(step).isEqualTo(new RetryLadder.Step(0, Duration.ZERO));
  }

  @Test
  void retriesAnOperatorGrantsUseTheLastDelaysAndNeverRunOffTheLadder() {
    assertThat(ladder.afterFailure(1)).isEqualTo(new RetryLadder.Step(0, Duration.ZERO));
    assertThat(ladder.afterFailure(2)).isEqualTo(new RetryLadder.Step(1, Duration.ofHours(1)));
    assertThat(ladder.afterFailure(50)).isEqualTo(new RetryLadder.Step(49, Duration.ofMinutes(1)));
  }
}
