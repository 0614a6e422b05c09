package org.mlcouncil.register;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of item the register lists, one per submission process: where each keeps who
 * submitted it, who leads it, its texts (searched) and the values its page shows.
 */
public enum ItemKind {

  PROPOSAL("ml-proposal", "proposal", "proposer", "technicalLead", "team",
      List.of("businessProblem", "proposedSolution"),
      List.of("pod", "technicalLead", "team", "businessProblem", "proposedSolution", "estimatedAnnualImpact",
          "buildCost", "yearlyMaintenanceCost", "rulesImpactShare", "thirdPartyOptionExists", "thirdPartyYearlyCost",
          "engineeringCanBuildUnaided", "biggestBlocker", "interestedPeople")),
  JOB_DESCRIPTION("job-description-review", "job description", "hiringManager", null, null,
      List.of("description", "hiringProcess"),
      List.of("pod", "track", "level", "description", "hiringProcess", "interestedPeople")),
  TECHNOLOGY_DECISION("technology-decision", "technology decision", "submitter", null, null,
      List.of("component", "problem", "risks"),
      List.of("component", "problem", "option1Name", "option1YearlyCost", "option2Name", "option2YearlyCost",
          "option3Name", "option3YearlyCost", "recommendation", "recommendedOption", "risks"));

  private final String processKey;
  private final String label;
  private final String proposerVariable;
  private final String leadVariable;
  private final String teamVariable;
  private final List<String> texts;
  private final List<String> details;

  ItemKind(String processKey, String label, String proposerVariable, String leadVariable, String teamVariable,
           List<String> texts, List<String> details) {
    this.processKey = processKey;
    this.label = label;
    this.proposerVariable = proposerVariable;
    this.leadVariable = leadVariable;
    this.teamVariable = teamVariable;
    this.texts = texts;
    this.details = details;
  }

  public static Optional<ItemKind> ofProcess(String processKey) {
    return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
  }

  public static Optional<ItemKind> ofLabel(String label) {
    return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
  }

  public String processKey() {
    return processKey;
  }

  /** As people say it and as the register stores it: "technology decision". */
  public String label() {
    return label;
  }

  public String proposerVariable() {
    return proposerVariable;
  }

  /** The technical lead's variable, or {@code null} for kinds without one. */
  public String leadVariable() {
    return leadVariable;
  }

  /** The team's variable (comma-separated user ids), or {@code null}. */
  public String teamVariable() {
    return teamVariable;
  }

  /** The texts the register's full-text search looks in, besides the key and the title. */
  public List<String> texts() {
    return texts;
  }

  /** The submitted values the item page shows, in the form's order. */
  public List<String> details() {
    return details;
  }
}
