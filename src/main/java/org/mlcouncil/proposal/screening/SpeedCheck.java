package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;
import org.mlcouncil.submission.Amounts;

/** Speed: if a cost-effective third-party solution exists, use it. */
public class SpeedCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    if (!proposal.thirdPartyOptionExists()) {
      return List.of(Finding.info("SPEED_NO_THIRD_PARTY", "No third-party option is known; building is the way."));
    }
    double thirdParty = proposal.thirdPartyYearlyCost();
    double building = settings.yearlyCostOfBuilding(proposal);
    if (thirdParty <= settings.thirdPartyCostEffectiveShare() * building) {
      return List.of(Finding.warning("SPEED_BUY_RECOMMENDED", "A third-party option costs "
          + Amounts.usdPerYear(thirdParty) + " against about " + Amounts.usd(building)
          + " per year to build and run it: the charter recommends buying. Explain why building is still better."));
    }
    return List.of(Finding.info("SPEED_THIRD_PARTY_NOT_COST_EFFECTIVE", "The third-party option ("
        + Amounts.usdPerYear(thirdParty) + ") is not clearly cheaper than building (about "
        + Amounts.usdPerYear(building) + ")."));
  }
}
