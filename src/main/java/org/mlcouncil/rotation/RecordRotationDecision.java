package org.mlcouncil.rotation;

import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code complete}) of "Confirm council rotation": only an explicit
 * {@code confirm} changes the council, only {@code send-back} returns it to the nominator;
 * anything else is refused rather than read as either.
 */
@Component("recordRotationDecision")
public class RecordRotationDecision implements TaskListener {

  static final Set<String> DECISIONS = Set.of("confirm", "send-back");

  @Override
  public void notify(DelegateTask task) {
    if (!DECISIONS.contains(task.getVariable("rotationDecision"))) {
      throw new BadUserRequestException("rotationDecision: choose confirm or send-back");
    }
  }
}
