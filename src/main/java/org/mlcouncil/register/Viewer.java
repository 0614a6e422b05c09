package org.mlcouncil.register;

import java.util.Arrays;
import java.util.List;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.directory.Groups.PodLead;

/**
 * Who reads the register, with the groups the identity service gives them now (not as a form or
 * header claims).
 *
 * @param administrator as the engine counts them ({@link org.mlcouncil.platform.Administrators})
 */
public record Viewer(String userId, List<String> groups, boolean administrator) {

  public Viewer {
    groups = List.copyOf(groups);
  }

  /**
   * Every practitioner reads the register (the charter's transparency), and so does every other
   * role group on its own: membership in ml-practitioners is no hidden prerequisite of a pod lead's
   * or the council's work. A user in no role group (only a track, or none) reads nothing.
   */
  public boolean mayRead() {
    return administrator || groups.stream().anyMatch(Groups::isRole);
  }

  public boolean isChair() {
    return administrator || groups.contains(Groups.COUNCIL_CHAIR);
  }

  /** Restricted values are for the council, the item's pod leads, the item's own people and administrators. */
  public boolean seesRestricted(String pod, List<String> itemPeople) {
    return administrator || groups.contains(Groups.COUNCIL) || groups.contains(Groups.COUNCIL_CHAIR)
        || itemPeople.contains(userId)
        || pod != null && Arrays.stream(PodLead.values()).map(lead -> lead.groupOf(pod)).anyMatch(groups::contains);
  }
}
