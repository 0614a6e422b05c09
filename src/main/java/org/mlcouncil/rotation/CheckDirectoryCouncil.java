package org.mlcouncil.rotation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the directory administrator says the changes are made: reads the directory again
 * ({@code directoryShowsCouncil}); what is still missing goes back to them in {@code directoryChanges}.
 * The rotation reports success only on this check, never on the administrator's word.
 */
@Component("checkDirectoryCouncil")
public class CheckDirectoryCouncil implements JavaDelegate {

  private final DirectoryCouncil directory;

  public CheckDirectoryCouncil(DirectoryCouncil directory) {
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> due = directory.changesStillDue(execution);
    execution.setVariable("directoryShowsCouncil", due.isEmpty());
    execution.setVariable("directoryChanges", DirectoryCouncil.describe(due));
  }
}
