package org.mlcouncil.jobdescription;

import java.util.Arrays;
import java.util.List;

/** The ML career track a role belongs to. */
public enum Track {
  ML_ENGINEER("ml-engineer", "ML engineer"),
  DATA_SCIENTIST("data-scientist", "data scientist"),
  ML_INFRASTRUCTURE("ml-infrastructure", "ML infrastructure engineer");

  private final String value;
  private final String label;

  Track(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The values forms and REST clients submit. */
  public static List<String> submittable() {
    return Arrays.stream(values()).map(Track::value).toList();
  }

  public static Track of(String value) {
    return Arrays.stream(values()).filter(track -> track.value.equals(value)).findFirst().orElse(null);
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }
}
