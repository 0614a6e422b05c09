package org.mlcouncil.deployment;

import java.util.List;
import java.util.stream.Collectors;
import org.mlcouncil.deployment.ResourceChange.Status;

/** What a deployment changes against what the engine runs today, resource by resource. */
public record ChangeReport(List<ResourceChange> changes) {

  /** A string process variable holds at most 4000 characters. */
  static final int MAX_SUMMARY = 4000;

  public boolean changesAnything() {
    return changes.stream().anyMatch(change -> change.status() != Status.UNCHANGED);
  }

  public String resourceNames() {
    return changes.stream().map(ResourceChange::resource).collect(Collectors.joining(", "));
  }

  /** One line per resource, for the log. */
  public String oneLine() {
    return changes.stream()
        .map(change -> change.resource() + " " + change.status() + " sha256=" + change.sha256()
            + (change.addedCode().isEmpty() ? "" : " addedCode=" + change.addedCode().size()))
        .collect(Collectors.joining("; "));
  }

  /**
   * The text a reviewer reads. Should it exceed what a string variable holds, it is cut and says
   * so: the full list stays in the JSON variable {@code deploymentChanges}.
   */
  public String summary() {
    StringBuilder text = new StringBuilder();
    for (ResourceChange change : changes) {
      text.append("- ").append(change.resource()).append(": ").append(change.status())
          .append(", ").append(change.size()).append(" bytes, SHA-256 ").append(change.sha256());
      if (change.deployedAs() != null) {
        text.append(" (compared with ").append(change.deployedAs()).append(')');
      }
      text.append('\n');
      if (!change.addedCode().isEmpty()) {
        text.append("  Code not in the deployed version:\n");
        change.addedCode().forEach(code -> text.append("    ").append(code).append('\n'));
      }
    }
    if (text.length() <= MAX_SUMMARY) {
      return text.toString();
    }
    String cut = "\n[Summary cut: download proposedResources in Cockpit and read every change before approving.]";
    return text.substring(0, MAX_SUMMARY - cut.length()) + cut;
  }
}
