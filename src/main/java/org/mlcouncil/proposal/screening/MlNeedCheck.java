package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;
import org.mlcouncil.submission.Amounts;

/**
 * The charter builds ML only where simple analytics or rules reach just 10–40 % of the impact;
 * where they reach more, build the rules first.
 */
public class MlNeedCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    double share = proposal.rulesImpactShare();
    String band = Amounts.format(settings.mlNeedMinRulesShare()) + "–" + Amounts.format(settings.mlNeedMaxRulesShare()) + " %";
    if (share > settings.mlNeedMaxRulesShare()) {
      return List.of(Finding.blocker("ML_NEED_RULES_SUFFICE", "Simple analytics or rules already reach "
          + Amounts.format(share) + " % of the impact (the charter looks for " + band
          + "). Build the rules first, or explain why they will not scale and lower the estimate."));
    }
    if (share < settings.mlNeedMinRulesShare()) {
      return List.of(Finding.info("ML_NEED_CLEAR", "Rules reach only " + Amounts.format(share)
          + " % of the impact: ML is clearly needed. Check the estimate with analytics."));
    }
    return List.of(Finding.info("ML_NEED_IN_BAND", "Rules reach " + Amounts.format(share)
        + " % of the impact, within the charter's " + band + " band."));
  }
}
