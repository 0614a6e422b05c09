package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;
import org.mlcouncil.submission.Amounts;

/** The return on the practitioners' time: impact over the horizon against cost over the horizon. */
public class ImpactCostCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    int years = settings.impactHorizonYears();
    double cost = proposal.buildCost() + proposal.yearlyMaintenanceCost() * years;
    if (cost == 0) {
      return List.of(Finding.info("IMPACT_COST_NO_COST", "No cost is given; the impact cannot be weighed against it."));
    }
    double ratio = proposal.estimatedAnnualImpact() * years / cost;
    String text = "Over " + years + " years the impact is " + String.format("%.1f", ratio) + " times the cost ("
        + Amounts.usd(proposal.estimatedAnnualImpact() * years) + " against " + Amounts.usd(cost) + ")";
    // Impact at a hundredth of the cost is a typing slip or no case at all; either way the proposer must look again.
    // No impact at all is the completeness check's WARNING ("give a rough estimate").
    if (proposal.estimatedAnnualImpact() > 0 && ratio < settings.absurdImpactCostRatio()) {
      return List.of(Finding.blocker("IMPACT_COST_ABSURD", text + ": the impact is below "
          + Amounts.format(settings.absurdImpactCostRatio() * 100) + " % of the cost. Check the amounts you typed "
          + "(impact per year, build cost, maintenance per year) or make the case again."));
    }
    if (ratio < settings.minImpactCostRatio()) {
      return List.of(Finding.warning("IMPACT_COST_LOW", text + ", below the expected "
          + String.format("%.1f", settings.minImpactCostRatio()) + ". Cut the cost or show more impact."));
    }
    return List.of(Finding.info("IMPACT_COST_OK", text + "."));
  }
}
