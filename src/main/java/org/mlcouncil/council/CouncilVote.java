package org.mlcouncil.council;

import java.time.Instant;

/** One council member's vote on an agenda item, kept per member so no vote overwrites another. */
public record CouncilVote(String voter, Decision vote, String comment, Instant votedAt) {

  /** How a vote reads in forms, notes and mails: {@code marcus: rejected – no on-call plan}. */
  public String describe() {
    return voter + ": " + vote.label() + (comment == null || comment.isEmpty() ? "" : " – " + comment);
  }

  /** What the council can decide about an item; the value is what the forms submit. */
  public enum Decision {
    APPROVED("approve", "approved"),
    CHANGES_REQUESTED("request-changes", "changes requested"),
    REJECTED("reject", "rejected"),
    RECOMMEND_BUYING("recommend-buying", "recommend buying");

    private final String formValue;
    private final String label;

    Decision(String formValue, String label) {
      this.formValue = formValue;
      this.label = label;
    }

    /** Reads a form value ({@code approve}) or a stored name ({@code APPROVED}). */
    public static Decision of(Object submitted) {
      for (Decision decision : values()) {
        if (decision.formValue.equals(submitted) || decision.name().equals(submitted)) {
          return decision;
        }
      }
      return null;
    }

    /** The value processes branch on, e.g. {@code approved}, {@code changes-requested}. */
    public String processValue() {
      return name().toLowerCase().replace('_', '-');
    }

    public String label() {
      return label;
    }
  }
}
