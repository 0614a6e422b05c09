package org.mlcouncil.council;

import org.camunda.bpm.engine.BadUserRequestException;
import org.mlcouncil.council.CouncilVote.Decision;

/** The rule shared by votes and tie-breaks: say why, unless approving. */
final class CouncilText {

  private CouncilText() {
  }

  static String comment(Object value, Decision decision, String field, int maxLength) {
    String text = value == null ? "" : value.toString().strip();
    if (decision != Decision.APPROVED && text.isEmpty()) {
      throw new BadUserRequestException(field + ": required unless you approve; say what should change or why");
    }
    if (text.length() > maxLength) {
      throw new BadUserRequestException(field + ": must be at most " + maxLength + " characters");
    }
    return text;
  }
}
