package org.mlcouncil.proposal.screening;

import java.util.List;
import org.mlcouncil.proposal.Proposal;

/** The council checks that solutions are part of the long-term ML platform investment. */
public class PlatformAlignmentCheck implements ScreeningCheck {

  @Override
  public List<Finding> check(Proposal proposal, PeopleDirectory people, ScreeningProperties settings) {
    List<String> used = proposal.platformComponents();
    if (used.isEmpty()) {
      return List.of(Finding.warning("PLATFORM_NOT_USED", "The solution uses no part of the long-term ML platform ("
          + String.join(", ", settings.platformComponents()) + "). Say why, or plan to build on it."));
    }
    List<String> unknown = used.stream().filter(c -> !settings.platformComponents().contains(c)).toList();
    if (!unknown.isEmpty()) {
      return List.of(Finding.warning("PLATFORM_UNKNOWN_COMPONENT", "Not part of the ML platform: "
          + String.join(", ", unknown) + "."));
    }
    return List.of(Finding.info("PLATFORM_ALIGNED", "Builds on the ML platform: " + String.join(", ", used) + "."));
  }
}
