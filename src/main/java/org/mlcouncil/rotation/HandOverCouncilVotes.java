package org.mlcouncil.rotation;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once the directory shows the confirmed council: open votes of departed members pass to new
 * ones, against the council as the rotation found it ({@code currentMembers}).
 */
@Component("handOverCouncilVotes")
public class HandOverCouncilVotes implements JavaDelegate {

  private final VoteHandover voteHandover;

  public HandOverCouncilVotes(VoteHandover voteHandover) {
    this.voteHandover = voteHandover;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<String> members = (List<String>) execution.getVariable("nominatedMemberList");
    List<String> previous = Arrays.stream(((String) execution.getVariable("currentMembers")).split(","))
        .map(String::strip).filter(member -> !member.isEmpty()).toList();
    voteHandover.handOver(execution, previous, members);
  }
}
