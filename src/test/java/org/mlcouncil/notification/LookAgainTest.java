package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LookAgainTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final MailWorker.LookAgain lookAgain = new MailWorker.LookAgain(Duration.ofSeconds(1));

  @Test
  void aSenderLooksAtOnceWhenItStarts() {
    assertThat(lookAgain.due(0, System.nanoTime())).isTrue();
  }

  @Test
  void afterFindingNoneItLooksAgainOnlyOnceThisNodeAddedOneOrThePollIntervalPassed() {
    long now = System.nanoTime();
    lookAgain.foundNone(5, now);

    assertThat(lookAgain.due(5, now + SECOND / 2)).as("woken by something else, nothing new here").isFalse();
    assertThat(lookAgain.due(6, now + SECOND / 2)).as("this node committed one").isTrue();
    assertThat(lookAgain.due(5, now + SECOND)).as("other nodes' and retries falling due").isTrue();
  }
}
