package org.mlcouncil.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders as one deployment.
 *
 * <p>The starter's auto-deployment skips {@code .form} files and names resources by their
 * absolute path when run from exploded classes, which creates a new process version whenever
 * the app switches between {@code spring-boot:run} and {@code java -jar}. Here every resource
 * is named {@code bpmn/<file>} or {@code forms/<file>}, so an unchanged model is never
 * redeployed, and forms land in the same deployment as the processes (formRef binding
 * {@code deployment}).
 */
@Component
public class ProcessResourcesDeployer extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "ml-council";
  private static final Logger log = LoggerFactory.getLogger(ProcessResourcesDeployer.class);
  private static final String[] PATTERNS = {"bpmn/*.bpmn", "bpmn/*.dmn", "forms/*.form"};

  private final ResourcePatternResolver resolver;

  public ProcessResourcesDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DeploymentBuilder builder = processEngine.getRepositoryService()
        .createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("ml-council application")
        .enableDuplicateFiltering(false);
    int count = 0;
    for (String pattern : PATTERNS) {
      for (Resource resource : resources(pattern)) {
        String folder = pattern.substring(0, pattern.indexOf('/'));
        builder.addInputStream(folder + "/" + resource.getFilename(), read(resource));
        count++;
      }
    }
    if (count == 0) {
      log.warn("No BPMN or form resources found under bpmn/ or forms/ on the classpath");
      return;
    }
    Deployment deployment = builder.deploy();
    log.info("Deployment '{}' ({} resources) is {}", DEPLOYMENT_NAME, count, deployment.getId());
  }

  private Resource[] resources(String pattern) {
    try {
      return resolver.getResources("classpath*:" + pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
