package org.mlcouncil.review;

import java.time.Instant;

/** One pod lead's review of a proposal, kept per group so no vote overwrites another. */
public record PodReview(String group, String reviewer, Decision decision, String comment,
                        Integer businessProblemScore, Integer prioritisationScore, Integer impactCostScore,
                        Instant reviewedAt) {

  /** How the review reads on the council's forms: {@code pod-search-em (sam): request-changes, scores 4/3/4 – why}. */
  public String describe() {
    return group + " (" + reviewer + "): " + decision.value() + ", scores problem " + businessProblemScore
        + " / prioritisation " + prioritisationScore + " / impact versus cost " + impactCostScore
        + (comment == null || comment.isBlank() ? "" : " – " + comment);
  }

  /** What a reviewer can decide; the value is what the review form submits. */
  public enum Decision {
    APPROVE("approve", "approved"), REQUEST_CHANGES("request-changes", "changes requested"), REJECT("reject", "rejected");

    private final String value;
    private final String label;

    Decision(String value, String label) {
      this.value = value;
      this.label = label;
    }

    public static Decision of(Object submitted) {
      for (Decision decision : values()) {
        if (decision.value.equals(submitted) || decision.name().equals(submitted)) {
          return decision;
        }
      }
      return null;
    }

    public String value() {
      return value;
    }

    /** How the decision reads for people: "changes requested". */
    public String label() {
      return label;
    }
  }
}
