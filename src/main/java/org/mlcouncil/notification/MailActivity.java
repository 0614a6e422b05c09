package org.mlcouncil.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** What this node's senders last saw from the SMTP server, for the health indicator. */
@Component
public class MailActivity {

  /** A send attempt: when, and for a failure, why. */
  public record Attempt(Instant at, String failure) {
  }

  private final AtomicReference<Attempt> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Attempt> lastFailure = new AtomicReference<>();
  private final AtomicReference<Attempt> last = new AtomicReference<>();

  void sent() {
    Attempt attempt = new Attempt(now(), null);
    lastSuccess.set(attempt);
    last.set(attempt);
  }

  void failed(String reason) {
    Attempt attempt = new Attempt(now(), reason);
    lastFailure.set(attempt);
    last.set(attempt);
  }

  public Optional<Attempt> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  public Optional<Attempt> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Whether the latest send attempt of this node failed: the SMTP server is not taking mail. */
  public boolean failing() {
    Attempt attempt = last.get();
    return attempt != null && attempt.failure() != null;
  }

  // The engine's clock, so the times line up with the retry times Cockpit shows.
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
