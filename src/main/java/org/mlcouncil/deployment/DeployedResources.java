package org.mlcouncil.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.ModelException;
import org.mlcouncil.deployment.ResourceChange.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares proposed resources with what the engine runs today. A BPMN model is compared with
 * the latest version of the process it defines, whatever its resource was called (Modeler
 * deploys {@code ml-proposal.bpmn}, the application {@code bpmn/ml-proposal.bpmn}); any other
 * resource with the latest deployed resource of the same file name.
 */
@Component
public class DeployedResources {

  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public DeployedResources(RepositoryService repositoryService, JdbcTemplate jdbc) {
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
  }

  /** Call as the engine (no authenticated user): the comparison reads every deployment. */
  public ChangeReport compare(List<ProposedResource> proposed) {
    List<ResourceChange> changes = new ArrayList<>();
    for (ProposedResource resource : proposed) {
      Deployed current = current(resource);
      Status status = current == null ? Status.NEW
          : Arrays.equals(current.bytes(), resource.bytes()) ? Status.UNCHANGED : Status.CHANGED;
      List<String> addedCode = resource.isModel()
          ? List.copyOf(ModelCode.added(resource.text(), current == null ? null : current.text()))
          : List.of();
      changes.add(new ResourceChange(resource.name(), status, resource.bytes().length, resource.sha256(),
          current == null ? null : current.name(), addedCode));
    }
    return new ChangeReport(List.copyOf(changes));
  }

  private Deployed current(ProposedResource resource) {
    if (resource.isBpmn()) {
      for (String processKey : processKeys(resource)) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(processKey).latestVersion().singleResult();
        if (definition != null) {
          return new Deployed(definition.getDeploymentId() + "/" + definition.getResourceName(),
              read(repositoryService.getProcessModel(definition.getId())));
        }
      }
    }
    String fileName = resource.fileName();
    List<Deployed> latest = jdbc.query(
        "select r.DEPLOYMENT_ID_, r.NAME_, r.BYTES_ from ACT_GE_BYTEARRAY r "
            + "join ACT_RE_DEPLOYMENT d on d.ID_ = r.DEPLOYMENT_ID_ "
            + "where r.NAME_ = ? or r.NAME_ like ? escape '!' "
            + "order by d.DEPLOY_TIME_ desc fetch first 1 rows only",
        (row, index) -> new Deployed(row.getString(1) + "/" + row.getString(2), row.getBytes(3)),
        fileName, "%/" + fileName.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
    return latest.isEmpty() ? null : latest.get(0);
  }

  /** The process ids a BPMN model defines; an unreadable model is refused before anyone reviews it. */
  private static List<String> processKeys(ProposedResource resource) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()))
          .getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    } catch (ModelException e) {
      throw new DeploymentRefusal(400, resource.name() + " is no valid BPMN model: " + e.getMessage());
    }
  }

  private static byte[] read(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Deployed(String name, byte[] bytes) {

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
