package org.mlcouncil.proposal.screening;

import java.util.Comparator;
import java.util.List;
import org.mlcouncil.platform.TextLimits;

/** Reading a list of findings the way reviewers do: blockers first. */
public final class Findings {

  private Findings() {
  }

  public static boolean hasBlocker(List<Finding> findings) {
    return findings.stream().anyMatch(finding -> finding.severity() == Severity.BLOCKER);
  }

  public static List<Finding> blockers(List<Finding> findings) {
    return findings.stream().filter(finding -> finding.severity() == Severity.BLOCKER).toList();
  }

  /** One Markdown list item per finding, BLOCKER before WARNING before INFO, cut to fit a String variable. */
  public static String summary(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "No findings.";
    }
    return TextLimits.lines(findings.stream()
        .sorted(Comparator.comparing(Finding::severity))
        .map(finding -> "- " + finding)
        .toList());
  }
}
