package org.mlcouncil.technology;

import java.util.List;
import org.mlcouncil.proposal.screening.Finding;
import org.mlcouncil.submission.Amounts;

/**
 * Whether the recommended option is the cheapest one considered. Either way the council sees
 * it; a dearer recommendation is a WARNING naming both options and the yearly difference.
 */
public final class CostComparison {

  private CostComparison() {
  }

  public static Finding of(TechnologyDecision decision) {
    CostedOption recommended = decision.recommended();
    CostedOption cheapest = decision.cheapest();
    if (recommended.yearlyCost() <= cheapest.yearlyCost()) {
      return Finding.info("TD_RECOMMENDED_IS_CHEAPEST", "The recommended option '" + recommended.name()
          + "' is the cheapest of the " + decision.options().size() + " options considered, at "
          + Amounts.usdPerYear(recommended.yearlyCost()) + ".");
    }
    return Finding.warning("TD_RECOMMENDED_NOT_CHEAPEST", "The recommended option '" + recommended.name()
        + "' costs " + Amounts.usdPerYear(recommended.yearlyCost()) + ", but '" + cheapest.name()
        + "' is the cheapest at " + Amounts.usdPerYear(cheapest.yearlyCost()) + ": "
        + Amounts.usd(recommended.yearlyCost() - cheapest.yearlyCost())
        + " more per year. Say why the dearer option is worth it.");
  }
}
