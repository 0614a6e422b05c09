package org.mlcouncil.proposal.screening;

import java.util.ArrayList;
import java.util.List;
import org.mlcouncil.proposal.Proposal;

/** The proposal says enough to be reviewed: a real problem, a real solution, an impact estimate. */
public class CompletenessCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    List<Finding> findings = new ArrayList<>();
    int min = settings.minDescriptionLength();
    if (proposal.businessProblem().length() < min) {
      findings.add(Finding.blocker("COMPLETENESS_PROBLEM_TOO_THIN", "The business problem needs at least " + min
          + " characters: say what goes wrong today, for whom, and how it is measured."));
    }
    if (proposal.proposedSolution().length() < min) {
      findings.add(Finding.blocker("COMPLETENESS_SOLUTION_TOO_THIN", "The proposed solution needs at least " + min
          + " characters: say which data, which kind of model, and how it is used in production."));
    }
    if (proposal.estimatedAnnualImpact() == 0) {
      findings.add(Finding.warning("COMPLETENESS_NO_IMPACT",
          "No annual impact is estimated; reviewers cannot weigh it against the cost. Give a rough estimate."));
    }
    if (findings.isEmpty()) {
      findings.add(Finding.info("COMPLETENESS_OK", "The proposal describes the problem, the solution and the impact."));
    }
    return findings;
  }
}
