package org.mlcouncil.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener ({@code create}) of the amend tasks: one mail tells the person who submitted the
 * item why it came back and links to the task that is waiting for them, instead of an amendment
 * mail before the task and a task announcement after it.
 */
@Component("announceAmendment")
public class AmendmentAnnouncer implements TaskListener {

  static final String TEMPLATE = "amendment-requested";

  private final TaskAnnouncer announcer;

  public AmendmentAnnouncer(TaskAnnouncer announcer) {
    this.announcer = announcer;
  }

  @Override
  public void notify(DelegateTask task) {
    Object reasons = task.getVariable("amendmentReasons");
    announcer.announce(task, TEMPLATE, Map.of("amendmentReasons", reasons == null ? "" : reasons));
  }
}
