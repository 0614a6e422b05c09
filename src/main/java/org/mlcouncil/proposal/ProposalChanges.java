package org.mlcouncil.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.submission.Amounts;

/**
 * What the proposer changed in an amendment, field by field, for the next round's reviewers:
 * short values as "before → after", long texts as rewritten (the form shows the new text).
 */
final class ProposalChanges {

  /** Values longer than this are not quoted, only said to be rewritten. */
  private static final int QUOTED = 120;

  private record Field(String label, Function<Proposal, Object> value) {
  }

  private static final List<Field> FIELDS = List.of(
      new Field("Title", Proposal::title),
      new Field("Pod", Proposal::pod),
      new Field("Business problem", Proposal::businessProblem),
      new Field("Proposed solution", Proposal::proposedSolution),
      new Field("Estimated annual impact", proposal -> Amounts.usdPerYear(proposal.estimatedAnnualImpact())),
      new Field("Build cost", proposal -> Amounts.usd(proposal.buildCost())),
      new Field("Yearly maintenance cost", proposal -> Amounts.usdPerYear(proposal.yearlyMaintenanceCost())),
      new Field("Share of the impact rules would reach", proposal -> Amounts.format(proposal.rulesImpactShare()) + " %"),
      new Field("Third-party option", proposal -> proposal.thirdPartyOptionExists()
          ? Amounts.usdPerYear(proposal.thirdPartyYearlyCost()) : "none known"),
      new Field("Engineering can build it unaided", proposal -> proposal.engineeringCanBuildUnaided() ? "yes" : "no"),
      new Field("Biggest blocker", proposal -> proposal.biggestBlocker().label()),
      new Field("Team", proposal -> String.join(", ", proposal.team())),
      new Field("Technical lead", Proposal::technicalLead),
      new Field("ML platform components", proposal -> proposal.platformComponents().isEmpty() ? "none"
          : String.join(", ", proposal.platformComponents())),
      new Field("People to keep informed", proposal -> String.join(", ", proposal.interestedPeople())));

  private ProposalChanges() {
  }

  /** One line per changed field; cut to fit a String variable. */
  static String between(Proposal before, Proposal after) {
    List<String> changes = new ArrayList<>();
    for (Field field : FIELDS) {
      String was = String.valueOf(field.value().apply(before));
      String now = String.valueOf(field.value().apply(after));
      if (Objects.equals(was, now)) {
        continue;
      }
      changes.add(was.length() > QUOTED || now.length() > QUOTED ? "- " + field.label() + ": rewritten"
          : "- " + field.label() + ": " + quoted(was) + " → " + quoted(now));
    }
    return changes.isEmpty() ? "Nothing was changed." : TextLimits.lines(changes);
  }

  private static String quoted(String value) {
    return value.isEmpty() ? "(empty)" : "'" + value + "'";
  }
}
