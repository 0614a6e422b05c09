package org.mlcouncil.directory;

import java.util.List;

/** The Camunda groups of the ML organisation (SPEC.md, "People and roles"). */
public final class Groups {

  public static final String PRACTITIONERS = "ml-practitioners";
  public static final String ML_ENGINEERS = "ml-engineers";
  public static final String DATA_SCIENTISTS = "data-scientists";
  public static final String ML_INFRA = "ml-infra";
  public static final String COUNCIL = "ml-council";
  public static final String COUNCIL_CHAIR = "ml-council-chair";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String ADMIN = "camunda-admin";

  /** Organisation-wide groups with their display names; pod groups come on top of these. */
  static final List<GroupDefinition> FIXED = List.of(
      new GroupDefinition(PRACTITIONERS, "ML practitioners"),
      new GroupDefinition(ML_ENGINEERS, "ML engineers"),
      new GroupDefinition(DATA_SCIENTISTS, "Data scientists"),
      new GroupDefinition(ML_INFRA, "ML infrastructure"),
      new GroupDefinition(COUNCIL, "ML Council"),
      new GroupDefinition(COUNCIL_CHAIR, "ML Council chair"),
      new GroupDefinition(PROCESS_OWNERS, "Process owners"),
      new GroupDefinition(ADMIN, "Camunda administrators"));

  private Groups() {
  }

  /**
   * Whether members of the group do work in the platform (as opposed to the tracks, which only
   * make someone eligible as a technical lead, and the administrators, who may do anything).
   */
  public static boolean isRole(String groupId) {
    return !List.of(ML_ENGINEERS, DATA_SCIENTISTS, ML_INFRA, ADMIN).contains(groupId);
  }

  /** A pod's cross-functional lead, who reviews that pod's proposals. */
  public enum PodLead {
    PM("pm", "product manager"),
    EM("em", "engineering manager"),
    DS_MANAGER("ds-manager", "data science manager"),
    ANALYTICS_MANAGER("analytics-manager", "analytics manager");

    private final String suffix;
    private final String title;

    PodLead(String suffix, String title) {
      this.suffix = suffix;
      this.title = title;
    }

    public String groupOf(String pod) {
      return "pod-" + pod + "-" + suffix;
    }

    public String title() {
      return title;
    }

    /** How people call a pod lead group: {@code pod-search-em} reads "Search pod — engineering manager". */
    public static String describe(String groupId) {
      for (PodLead lead : values()) {
        String end = "-" + lead.suffix;
        if (groupId.startsWith("pod-") && groupId.endsWith(end) && groupId.length() > 4 + end.length()) {
          String pod = groupId.substring(4, groupId.length() - end.length());
          return Character.toUpperCase(pod.charAt(0)) + pod.substring(1) + " pod — " + lead.title;
        }
      }
      return groupId;
    }
  }

  public record GroupDefinition(String id, String name) {
  }
}
