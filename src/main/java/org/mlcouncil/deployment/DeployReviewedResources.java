package org.mlcouncil.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys the resources of an approved review, exactly as they were submitted and reviewed.
 *
 * <p>It runs in the reviewer's completion, as the engine: process owners hold no permission to
 * deploy, and a model that does not deploy refuses the approval right there, with the engine's
 * message, instead of ending as an incident nobody tells the reviewer about. The deployment's
 * name carries the review's key and its source who submitted and who approved, so Cockpit's
 * deployment list shows both. Unchanged submissions never get here: the platform refuses them
 * before a review starts, so an approval always deploys a change. The set is deployed whole,
 * since a form bound by {@code formRefBinding="deployment"} must sit in its model's deployment.
 */
@Component("deployReviewedResources")
public class DeployReviewedResources implements JavaDelegate {

  static final String DEPLOYMENT_NAME_PREFIX = "ml-council-review-";
  private static final Logger log = LoggerFactory.getLogger(DeployReviewedResources.class);

  private final RepositoryService repositoryService;

  public DeployReviewedResources(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    String submitter = (String) execution.getVariable("submitter");
    String reviewer = (String) execution.getVariable("reviewer");
    FileValue archive = execution.getVariableTyped(DeploymentReviews.RESOURCES_VARIABLE);
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME_PREFIX + businessKey)
        .source(businessKey + ": submitted by " + submitter + ", approved by " + reviewer);
    for (ProposedResource resource : ResourceArchive.unpack(read(archive.getValue()))) {
      builder.addInputStream(resource.name(), new ByteArrayInputStream(resource.bytes()));
    }
    Deployment deployment;
    try {
      deployment = Context.getCommandContext().runWithoutAuthorization(builder::deploy);
    } catch (ParseException e) {
      throw new BadUserRequestException("The resources of " + businessKey + " do not deploy: " + e.getMessage()
          + " Reject the deployment with this reason.");
    }
    execution.setVariable("deploymentId", deployment.getId());
    log.info("Deployment {} of {}: submitted by {}, approved by {}", deployment.getId(), businessKey, submitter,
        reviewer);
  }

  private static byte[] read(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
