package org.mlcouncil.council;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.council.CouncilVote.Decision;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.TextLimits;
import org.springframework.stereotype.Component;

/** The council's votes on one item, in the JSON variable {@code councilVotes}. */
@Component("councilTally")
public class CouncilTally {

  static final String VARIABLE = "councilVotes";
  private static final TypeReference<List<CouncilVote>> LIST = new TypeReference<>() {
  };

  private final JsonVariables json;

  public CouncilTally(JsonVariables json) {
    this.json = json;
  }

  public List<CouncilVote> of(VariableScope scope) {
    return json.read(scope, VARIABLE, LIST, List.of());
  }

  /** The votes as read from a variable map, e.g. another process's variables. */
  public List<CouncilVote> of(Map<String, Object> variables) {
    return json.convert(variables.get(VARIABLE), LIST, List.of());
  }

  public void add(VariableScope scope, CouncilVote vote) {
    List<CouncilVote> votes = new ArrayList<>(of(scope));
    votes.removeIf(existing -> existing.voter().equals(vote.voter()));
    votes.add(vote);
    json.write(scope, VARIABLE, votes);
  }

  public void clear(VariableScope scope) {
    json.write(scope, VARIABLE, List.of());
  }

  /** Members who were asked to vote and have not, e.g. for a reminder. */
  public List<String> pendingVoters(VariableScope scope) {
    Set<String> voted = of(scope).stream().map(CouncilVote::voter).collect(Collectors.toSet());
    @SuppressWarnings("unchecked")
    List<String> voters = (List<String>) scope.getVariable("voters");
    return voters.stream().filter(voter -> !voted.contains(voter)).toList();
  }

  /** One line per vote, for the chair's tie-break form and mails; long comments are cut to fit a String variable. */
  public String summary(VariableScope scope) {
    List<CouncilVote> votes = of(scope);
    if (votes.isEmpty()) {
      return "No member voted.";
    }
    return TextLimits.lines(votes.stream().map(vote -> "- " + vote.describe()).toList());
  }

  /**
   * The council's decision when the votes are unanimous and reach the quorum; {@code null}
   * when the chair has to break the tie.
   */
  public static Decision unanimousDecision(List<CouncilVote> votes, int quorum) {
    Set<Decision> distinct = votes.stream().map(CouncilVote::vote).collect(Collectors.toSet());
    return votes.size() >= quorum && distinct.size() == 1 ? distinct.iterator().next() : null;
  }
}
