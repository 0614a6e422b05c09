package org.mlcouncil.register;

import org.mlcouncil.directory.Groups;
import org.mlcouncil.directory.Groups.PodLead;

/** A task's candidate group in words, for "waiting for ...": {@code pod-search-pm} is the search pod's product manager. */
final class Who {

  private Who() {
  }

  static String group(String groupId) {
    if (Groups.COUNCIL_CHAIR.equals(groupId)) {
      return "the council chair";
    }
    if (Groups.COUNCIL.equals(groupId)) {
      return "the ML Council";
    }
    if (groupId.startsWith("pod-")) {
      for (PodLead lead : PodLead.values()) {
        String suffix = lead.groupOf("");
        // groupOf("") is "pod--<suffix>": the pod sits between "pod-" and "-<suffix>".
        String tail = suffix.substring("pod-".length());
        if (groupId.endsWith(tail) && groupId.length() > "pod-".length() + tail.length()) {
          return "the " + groupId.substring("pod-".length(), groupId.length() - tail.length()) + " pod's " + lead.title();
        }
      }
    }
    return groupId;
  }
}
