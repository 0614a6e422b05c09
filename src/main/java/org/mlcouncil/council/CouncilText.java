package org.mlcouncil.council;

import org.camunda.bpm.engine.BadUserRequestException;
import org.mlcouncil.council.CouncilVote.Decision;

/** The rule shared by votes and tie-breaks: say why, unless approving. */
final class CouncilText {

  private CouncilText() {
  }

  static String comment(Object value, Decision decision, String field, int maxLength) {
    // Measured as sent: the engine stores the submitted value before the platform strips it.
    String sent = value == null ? "" : value.toString();
    String text = sent.strip();
    if (decision != Decision.APPROVED && text.isEmpty()) {
      throw new BadUserRequestException(field + ": required unless you approve; say what should change or why");
    }
    if (sent.length() > maxLength) {
      throw new BadUserRequestException(field + ": must be at most " + maxLength + " characters (got "
          + sent.length() + ")");
    }
    return text;
  }
}
