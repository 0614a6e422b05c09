package org.mlcouncil.proposal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complete, healthy ML proposal as the start form submits it; tests change what they need. */
public final class ProposalData {

  private ProposalData() {
  }

  public static Map<String, Object> valid(String title) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", title);
    variables.put("pod", "search");
    variables.put("businessProblem", "Search ranking ignores delivery time, so customers abandon slow restaurants at checkout.");
    variables.put("proposedSolution", "A learning-to-rank model on the feature store, served by the model-serving platform.");
    variables.put("estimatedAnnualImpact", 2_000_000L);
    variables.put("buildCost", 300_000L);
    variables.put("yearlyMaintenanceCost", 100_000L);
    variables.put("rulesImpactShare", 25L);
    variables.put("thirdPartyOptionExists", false);
    variables.put("engineeringCanBuildUnaided", false);
    variables.put("biggestBlocker", "production-performance");
    variables.put("team", "paul, priya");
    variables.put("technicalLead", "paul");
    variables.put("platformComponents", List.of("feature-store", "model-serving"));
    variables.put("interestedPeople", "ivan, watcher@example.org");
    return variables;
  }

  /** The same values as the REST API takes them from Tasklist: a list as one comma-separated text. */
  public static Map<String, Object> validForRest(String title) {
    Map<String, Object> rest = new HashMap<>();
    valid(title).forEach((name, value) -> rest.put(name, value instanceof List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList()) : value));
    return rest;
  }
}
