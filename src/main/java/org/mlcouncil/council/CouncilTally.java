package org.mlcouncil.council;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.council.CouncilVote.Decision;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.SeparateVariables;
import org.mlcouncil.platform.TextLimits;
import org.springframework.stereotype.Component;

/**
 * The council's votes on one item. Each member's vote is a variable of its own on the council
 * review ({@code councilVote:<member>}), written by that member's task alone, so members who
 * vote at the same moment never update the same row. The list {@code councilVotes}, which the
 * calling processes, mails and Cockpit read, is published from them when the votes are applied.
 */
@Component("councilTally")
public class CouncilTally {

  static final String VARIABLE = "councilVotes";
  /** Each member's vote is the variable {@code councilVote:<member>}. */
  public static final String VOTE_PREFIX = "councilVote:";
  /** The variables {@link #of(Map)} reads besides the members' own. */
  public static final List<String> READS = List.of(VARIABLE);
  private static final TypeReference<List<CouncilVote>> LIST = new TypeReference<>() {
  };

  private final JsonVariables json;
  private final SeparateVariables<CouncilVote> votes;

  public CouncilTally(JsonVariables json) {
    this.json = json;
    this.votes = new SeparateVariables<>(json, VOTE_PREFIX, new TypeReference<>() {
    }, Comparator.comparing(CouncilVote::votedAt).thenComparing(CouncilVote::voter));
  }

  public List<CouncilVote> of(VariableScope scope) {
    List<CouncilVote> cast = votes.of(scope);
    return cast.isEmpty() ? handedBack(scope.getVariable(VARIABLE)) : cast;
  }

  /** The votes as read from a variable map, e.g. another process's variables. */
  public List<CouncilVote> of(Map<String, Object> variables) {
    List<CouncilVote> cast = votes.of(variables);
    return cast.isEmpty() ? handedBack(variables.get(VARIABLE)) : cast;
  }

  /** The item's own process holds no member's variable, only the list its council review handed back. */
  private List<CouncilVote> handedBack(Object list) {
    return json.convert(list, LIST, List.of());
  }

  /** Keeps a member's vote on the council review, under the member's own variable. */
  public void record(DelegateTask task, CouncilVote vote) {
    votes.write(task, vote.voter(), vote);
  }

  /** Writes {@code councilVotes}, the list of every vote, for whoever reads the item's outcome. */
  public void publish(VariableScope scope) {
    json.write(scope, VARIABLE, of(scope));
  }

  public void clear(VariableScope scope) {
    votes.removeAll(scope);
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
