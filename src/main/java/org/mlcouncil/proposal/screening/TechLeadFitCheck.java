package org.mlcouncil.proposal.screening;

import java.util.List;
import java.util.Set;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.proposal.Blocker;
import org.mlcouncil.proposal.Proposal;

/**
 * The council's responsibility: a production-performance blocker wants an ML engineer as lead,
 * a statistical-performance blocker a data scientist.
 */
public class TechLeadFitCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    String lead = proposal.technicalLead();
    if (lead == null || !people.exists(lead)) {
      return List.of();
    }
    String wanted = proposal.biggestBlocker() == Blocker.PRODUCTION_PERFORMANCE ? Groups.ML_ENGINEERS : Groups.DATA_SCIENTISTS;
    Set<String> groups = people.groupsOf(lead);
    if (groups.contains(wanted)) {
      return List.of(Finding.info("TECH_LEAD_FIT_OK", "The biggest blocker is " + proposal.biggestBlocker().label()
          + " and the lead " + lead + " is in " + wanted + ", as the charter asks."));
    }
    List<String> tracks = groups.stream()
        .filter(group -> List.of(Groups.ML_ENGINEERS, Groups.DATA_SCIENTISTS, Groups.ML_INFRA).contains(group))
        .sorted().toList();
    return List.of(Finding.warning("TECH_LEAD_FIT_MISMATCH", "The biggest blocker is "
        + proposal.biggestBlocker().label() + ", so the charter asks for a lead from " + wanted + "; " + lead
        + " is in " + (tracks.isEmpty() ? "no ML track" : String.join(", ", tracks))
        + ". The council will check the lead fits."));
  }
}
