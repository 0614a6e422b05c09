package org.mlcouncil.council;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.mlcouncil.directory.Groups;
import org.springframework.stereotype.Component;

/**
 * Decides who votes on an item: every current member of {@code ml-council} except the item's
 * proposer and technical lead (four-eyes), read when the item reaches the council, so a
 * rotation takes effect for the next item.
 */
@Component("prepareCouncilVote")
public class PrepareCouncilVote implements JavaDelegate {

  private final IdentityService identityService;
  private final CouncilTally councilTally;

  public PrepareCouncilVote(IdentityService identityService, CouncilTally councilTally) {
    this.identityService = identityService;
    this.councilTally = councilTally;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> involved = new ArrayList<>();
    for (String variable : List.of("proposer", "technicalLead")) {
      if (execution.getVariable(variable) instanceof String user) {
        involved.add(user);
      }
    }
    List<String> members = identityService.createUserQuery().memberOfGroup(Groups.COUNCIL).orderByUserId().asc()
        .list().stream().map(User::getId).toList();
    execution.setVariable("voters", new ArrayList<>(members.stream().filter(m -> !involved.contains(m)).toList()));
    execution.setVariable("excludedVoters", new ArrayList<>(members.stream().filter(involved::contains).toList()));
    councilTally.clear(execution);
  }
}
