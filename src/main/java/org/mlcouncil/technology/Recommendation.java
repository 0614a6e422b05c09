package org.mlcouncil.technology;

import java.util.Arrays;
import java.util.List;

/** What the submitter recommends doing about an ML infrastructure component. */
public enum Recommendation {
  BUILD("build", "build in-house"),
  BUY("buy", "buy"),
  ADOPT_OPEN_SOURCE("adopt-open-source", "adopt open source");

  private final String value;
  private final String label;

  Recommendation(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The values forms and REST clients submit. */
  public static List<String> submittable() {
    return Arrays.stream(values()).map(Recommendation::value).toList();
  }

  public static Recommendation of(String value) {
    return Arrays.stream(values()).filter(recommendation -> recommendation.value.equals(value)).findFirst()
        .orElse(null);
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }
}
