package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;

/** One principle of the ML charter, checked against a proposal. */
public interface ScreeningCheck {

  List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings);
}
