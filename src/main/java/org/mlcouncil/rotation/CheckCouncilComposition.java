package org.mlcouncil.rotation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.screening.PeopleDirectory;
import org.springframework.stereotype.Component;

/** Checks the nominated council against the charter; problems go back to the nominator. */
@Component("checkCouncilComposition")
public class CheckCouncilComposition implements JavaDelegate {

  private final PeopleDirectory people;
  private final RotationSettings settings;

  public CheckCouncilComposition(PeopleDirectory people, RotationSettings settings) {
    this.people = people;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> members = members(execution.getVariable("nominatedMembers"));
    String chair = execution.getVariable("nominatedChair") == null ? null
        : execution.getVariable("nominatedChair").toString().strip();
    List<String> problems = CouncilComposition.problems(members, chair, settings.minMembers(), people::exists,
        people::groupsOf);
    execution.setVariable("nominatedMemberList", new ArrayList<>(members));
    execution.setVariable("nominatedChair", chair);
    execution.setVariable("compositionValid", problems.isEmpty());
    execution.setVariable("compositionProblems", problems.isEmpty() ? "None."
        : TextLimits.lines(problems.stream().map(problem -> "- " + problem).toList()));
  }

  static List<String> members(Object value) {
    LinkedHashSet<String> members = new LinkedHashSet<>();
    if (value != null) {
      for (String part : value.toString().split("[,;\\s]+")) {
        if (!part.isBlank()) {
          members.add(part.strip());
        }
      }
    }
    return new ArrayList<>(members);
  }
}
