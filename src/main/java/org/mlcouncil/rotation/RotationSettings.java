package org.mlcouncil.rotation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How often the council rotates and how large it must be ({@code mlcouncil.rotation.*}). */
@Component("rotationSettings")
public class RotationSettings {

  private final String cycle;
  private final int minMembers;

  public RotationSettings(@Value("${mlcouncil.rotation.cycle}") String cycle,
                          @Value("${mlcouncil.rotation.min-members}") int minMembers) {
    this.cycle = cycle;
    this.minMembers = minMembers;
  }

  /** Timer cycle of the yearly rotation, e.g. {@code R/P12M}. */
  public String getCycle() {
    return cycle;
  }

  public int minMembers() {
    return minMembers;
  }
}
