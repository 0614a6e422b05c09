package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;

/** Sufficiency: if engineering can build a good-enough solution unaided, it should. */
public class SufficiencyCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    if (proposal.engineeringCanBuildUnaided()) {
      return List.of(Finding.warning("SUFFICIENCY_NO_DS_STAFFING", "Engineering can build a good-enough version "
          + "unaided: the charter recommends building it without data-science staffing. Add data scientists only "
          + "where they add enough incremental value, and say where."));
    }
    return List.of(Finding.info("SUFFICIENCY_NEEDS_DS", "Engineering cannot build a good-enough version alone; "
        + "data-science staffing is justified."));
  }
}
