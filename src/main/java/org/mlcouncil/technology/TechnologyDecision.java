package org.mlcouncil.technology;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A build/buy decision for an ML infrastructure component after validation. */
public record TechnologyDecision(String component, String problem, List<CostedOption> options,
                                 Recommendation recommendation, int recommendedOption, String risks) {

  public Optional<CostedOption> option(int number) {
    return options.stream().filter(option -> option.number() == number).findFirst();
  }

  public CostedOption recommended() {
    return option(recommendedOption).orElseThrow();
  }

  /** The option with the lowest yearly cost; the first of equally cheap ones. */
  public CostedOption cheapest() {
    return options.stream().min(Comparator.comparingDouble(CostedOption::yearlyCost)).orElseThrow();
  }
}
