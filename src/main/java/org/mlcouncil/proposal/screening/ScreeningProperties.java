package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the screening checks ({@code mlcouncil.screening.*}).
 *
 * @param mlNeedMinRulesShare below this share of the impact reached by rules, ML is clearly needed (10 %)
 * @param mlNeedMaxRulesShare above this share, rules or analytics suffice: a BLOCKER (40 %)
 * @param impactHorizonYears years over which impact and maintenance are compared with the build cost
 * @param minImpactCostRatio impact over the horizon divided by cost over the horizon, below which a WARNING
 * @param absurdImpactCostRatio the same ratio below which a BLOCKER (0.01: impact below 1 % of the cost)
 * @param thirdPartyCostEffectiveShare a third-party option costing at most this share of building's yearly
 *     cost (build cost spread over the horizon plus maintenance) is cost-effective: recommend buying
 * @param minDescriptionLength business problem and solution shorter than this are too thin to review
 * @param platformComponents parts of the long-term ML platform
 */
@ConfigurationProperties("mlcouncil.screening")
public record ScreeningProperties(Double mlNeedMinRulesShare, Double mlNeedMaxRulesShare, Integer impactHorizonYears,
                                  Double minImpactCostRatio, Double absurdImpactCostRatio,
                                  Double thirdPartyCostEffectiveShare,
                                  Integer minDescriptionLength, List<String> platformComponents) {

  public ScreeningProperties {
    mlNeedMinRulesShare = mlNeedMinRulesShare == null ? 10.0 : mlNeedMinRulesShare;
    mlNeedMaxRulesShare = mlNeedMaxRulesShare == null ? 40.0 : mlNeedMaxRulesShare;
    impactHorizonYears = impactHorizonYears == null ? 3 : impactHorizonYears;
    minImpactCostRatio = minImpactCostRatio == null ? 3.0 : minImpactCostRatio;
    absurdImpactCostRatio = absurdImpactCostRatio == null ? 0.01 : absurdImpactCostRatio;
    thirdPartyCostEffectiveShare = thirdPartyCostEffectiveShare == null ? 0.5 : thirdPartyCostEffectiveShare;
    minDescriptionLength = minDescriptionLength == null ? 30 : minDescriptionLength;
    platformComponents = platformComponents == null
        ? List.of("feature-store", "training-pipelines", "model-serving", "experimentation", "monitoring",
            "data-quality")
        : List.copyOf(platformComponents);
  }

  /** The defaults, for tests and a first run. */
  public static ScreeningProperties defaults() {
    return new ScreeningProperties(null, null, null, null, null, null, null, null);
  }

  /** What building costs per year: the build cost spread over the horizon plus maintenance. */
  public double yearlyCostOfBuilding(Proposal proposal) {
    return proposal.buildCost() / impactHorizonYears + proposal.yearlyMaintenanceCost();
  }
}
