package org.mlcouncil.technology;

import java.util.HashMap;
import java.util.Map;

/**
 * A complete technology decision as the start form submits it, recommending its cheapest option
 * (Feast, 80,000 a year); tests change what they need.
 */
public final class TechnologyDecisionData {

  private TechnologyDecisionData() {
  }

  public static Map<String, Object> valid(String component) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("component", component);
    variables.put("problem", "Every team computes the same features twice, once for training and once for serving, "
        + "and the two drift apart.");
    variables.put("option1Name", "Adopt Feast");
    variables.put("option1YearlyCost", 80_000L);
    variables.put("option2Name", "Buy Tecton");
    variables.put("option2YearlyCost", 150_000L);
    variables.put("option3Name", "Build on Postgres");
    variables.put("option3YearlyCost", 260_000L);
    variables.put("recommendation", "adopt-open-source");
    variables.put("recommendedOption", "1");
    variables.put("risks", "We run Feast ourselves: on-call load for ML infrastructure; upgrades every quarter.");
    return variables;
  }
}
