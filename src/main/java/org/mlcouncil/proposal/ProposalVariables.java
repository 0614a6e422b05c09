package org.mlcouncil.proposal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.directory.DirectoryProperties;
import org.mlcouncil.directory.PodStaffing;
import org.mlcouncil.directory.Groups.PodLead;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.screening.PeopleDirectory;
import org.mlcouncil.submission.Amounts;
import org.springframework.stereotype.Component;

/**
 * A proposal's process variables: validates what a form or REST client submitted, stores it
 * normalised, and derives what the process needs from it (who reviews, who hears of it).
 */
@Component
public class ProposalVariables {

  /** The proposal as stored, which the form's fields overwrite when the proposer amends it. */
  private static final String STORED = "storedProposal";

  private final DirectoryProperties directory;
  private final PodStaffing podStaffing;
  private final PeopleDirectory people;
  private final JsonVariables json;

  public ProposalVariables(DirectoryProperties directory, PodStaffing podStaffing, PeopleDirectory people,
                           JsonVariables json) {
    this.directory = directory;
    this.podStaffing = podStaffing;
    this.people = people;
    this.json = json;
  }

  /** The proposal in the scope's variables; an {@link org.mlcouncil.submission.InvalidSubmissionException} names every bad field. */
  public Proposal read(Map<String, Object> variables) {
    return ProposalValidator.validate(variables, Set.copyOf(directory.pods()), podStaffing::emptyLeadGroups,
        people).orThrow();
  }

  public Proposal read(VariableScope scope) {
    return read(scope.getVariables());
  }

  /** The proposal as last stored, to compare an amendment with; {@code null} for one stored before this was kept. */
  public Proposal lastStored(VariableScope scope) {
    return json.read(scope, STORED, new TypeReference<Proposal>() {
    }, null);
  }

  /** Stores the proposal and everything derived from it on the scope. */
  public void store(VariableScope scope, Proposal proposal) {
    scope.setVariables(ProposalValidator.variables(proposal));
    json.writeCompact(scope, STORED, proposal);
    // A JSON value, as Tasklist stores a checklist: a Java list would make the amend form unsubmittable.
    json.write(scope, "platformComponents", proposal.platformComponents());
    List<String> podLeadGroups = new ArrayList<>();
    for (PodLead lead : PodLead.values()) {
      podLeadGroups.add(lead.groupOf(proposal.pod()));
    }
    scope.setVariable("podLeadGroups", podLeadGroups);
    scope.setVariable("interested", interested(scope.getVariable("proposer"), proposal, podLeadGroups));
    scope.setVariable("summary", summary(scope.getVariable("proposer"), proposal));
  }

  private static ArrayList<String> interested(Object proposer, Proposal proposal, List<String> podLeadGroups) {
    Set<String> people = new LinkedHashSet<>();
    if (proposer instanceof String user) {
      people.add(user);
    }
    people.add(proposal.technicalLead());
    people.addAll(proposal.team());
    podLeadGroups.forEach(group -> people.add(Recipients.group(group)));
    people.addAll(proposal.interestedPeople());
    return new ArrayList<>(people);
  }

  /** The proposal as the council reads it; long texts are cut to fit a String variable. */
  private static String summary(Object proposer, Proposal proposal) {
    String facts = "Amounts: " + ProposalValidator.impactAndCost(proposal) + "; rules reach "
        + Amounts.format(proposal.rulesImpactShare()) + " % of the impact; engineering alone suffices: "
        + (proposal.engineeringCanBuildUnaided() ? "yes" : "no")
        + "; biggest blocker: " + proposal.biggestBlocker().label() + "; ML platform: "
        + (proposal.platformComponents().isEmpty() ? "none" : String.join(", ", proposal.platformComponents()));
    return TextLimits.summary(texts -> "Pod: " + proposal.pod() + " · Proposer: " + proposer
        + " · Technical lead: " + proposal.technicalLead() + " · Team: " + String.join(", ", proposal.team())
        + "\n\nBusiness problem: " + texts.get(0) + "\n\nProposed solution: " + texts.get(1) + "\n\n" + facts,
        List.of(proposal.businessProblem(), proposal.proposedSolution()));
  }
}
