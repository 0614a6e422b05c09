package org.mlcouncil.rotation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the confirmation: whether a directory keeps the council groups ({@code directoryOwnsGroups})
 * and, if so, the membership changes its administrator must make ({@code directoryChanges}).
 */
@Component("planCouncilGroupChanges")
public class PlanCouncilGroupChanges implements JavaDelegate {

  private final DirectoryCouncil directory;

  public PlanCouncilGroupChanges(DirectoryCouncil directory) {
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean owns = directory.ownsGroups();
    execution.setVariable("directoryOwnsGroups", owns);
    if (owns) {
      execution.setVariable("directoryChanges", DirectoryCouncil.describe(directory.changesStillDue(execution)));
    }
  }
}
