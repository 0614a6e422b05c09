package org.mlcouncil.directory;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.mlcouncil.directory.Groups.PodLead;
import org.springframework.stereotype.Component;

/**
 * Which pods can review a proposal: a pod whose every lead group (PM, EM, DS manager, analytics
 * manager) has a member. A proposal for any other pod would wait for a review nobody is asked for.
 */
@Component
public class PodStaffing {

  private final DirectoryProperties directory;
  private final IdentityService identityService;

  public PodStaffing(DirectoryProperties directory, IdentityService identityService) {
    this.directory = directory;
    this.identityService = identityService;
  }

  /** The pod's lead groups nobody is a member of; empty when the pod can review. */
  public List<String> emptyLeadGroups(String pod) {
    return Arrays.stream(PodLead.values()).map(lead -> lead.groupOf(pod))
        .filter(group -> identityService.createUserQuery().memberOfGroup(group).count() == 0).toList();
  }

  /** The configured pods that can review, in their configured order. */
  public List<String> reviewingPods() {
    return directory.pods().stream().filter(pod -> emptyLeadGroups(pod).isEmpty()).toList();
  }
}
