package org.mlcouncil.deployment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.mlcouncil.platform.BusinessKeys;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Starts {@code deployment-review} for a deployment: a review of a process owner's resources,
 * or the record of an administrator's direct deployment. Runs as the engine: process owners
 * hold no permission to start the review themselves, so nobody can start one with resources
 * or a submitter of their choosing; the submitter is always the authenticated caller.
 */
@Component
public class DeploymentReviews {

  static final String PROCESS_KEY = "deployment-review";
  static final String RESOURCES_VARIABLE = "proposedResources";
  private static final int MAX_NAME = 255;

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final BusinessKeys businessKeys;
  private final DeployedResources deployedResources;
  private final JsonVariables json;

  public DeploymentReviews(RuntimeService runtimeService, IdentityService identityService, BusinessKeys businessKeys,
                           DeployedResources deployedResources, JsonVariables json) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.businessKeys = businessKeys;
    this.deployedResources = deployedResources;
    this.json = json;
  }

  /** What the request would change today. */
  public ChangeReport compare(DeploymentRequest request) {
    return asEngine(() -> deployedResources.compare(request.resources()));
  }

  /** Keeps the resources and starts their review; returns the review's business key. */
  public String submit(String submitter, DeploymentRequest request, ChangeReport changes) {
    if (!changes.changesAnything()) {
      throw new DeploymentRefusal(400, "Nothing to review: every resource equals the version deployed today ("
          + changes.resourceNames() + ")");
    }
    Map<String, Object> variables = variables(submitter, request, changes, false);
    variables.put(RESOURCES_VARIABLE, Variables.fileValue(RESOURCES_VARIABLE + ".zip")
        .file(ResourceArchive.pack(request.resources())).mimeType(ResourceArchive.MIME_TYPE).create());
    return start(variables);
  }

  /** Records a deployment an administrator made directly; returns the record's business key. */
  public String recordDirect(String administrator, DeploymentRequest request, ChangeReport changes,
                             String deploymentId) {
    Map<String, Object> variables = variables(administrator, request, changes, true);
    variables.put("deploymentId", deploymentId);
    return start(variables);
  }

  private Map<String, Object> variables(String submitter, DeploymentRequest request, ChangeReport changes,
                                        boolean direct) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("submitter", submitter);
    variables.put("directDeployment", direct);
    String name = request.name().isBlank() ? changes.resourceNames() : request.name();
    variables.put("deploymentName", name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    variables.put("changeSummary", changes.summary());
    variables.put("deploymentChanges", json.value(changes.changes()));
    return variables;
  }

  private String start(Map<String, Object> variables) {
    return asEngine(() -> {
      String businessKey = businessKeys.next("DEP");
      runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
      return businessKey;
    });
  }

  private <T> T asEngine(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
