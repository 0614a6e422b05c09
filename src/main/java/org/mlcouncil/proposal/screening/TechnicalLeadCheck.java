package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;

/** Accountability: one technical lead, a known person, who is part of the team. */
public class TechnicalLeadCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    String lead = proposal.technicalLead();
    if (lead == null || lead.isBlank()) {
      return List.of(Finding.blocker("TECH_LEAD_MISSING",
          "Name a single technical lead: the person accountable for the technical decisions."));
    }
    if (!people.exists(lead)) {
      return List.of(Finding.blocker("TECH_LEAD_UNKNOWN",
          "The technical lead '" + lead + "' is not a known user. Name someone from the directory."));
    }
    if (!proposal.team().contains(lead)) {
      return List.of(Finding.blocker("TECH_LEAD_NOT_IN_TEAM",
          "The technical lead " + lead + " is not in the team. Add them to the team, or name a team member as lead."));
    }
    return List.of(Finding.info("TECH_LEAD_OK", lead + " is the single technical lead and part of the team."));
  }
}
