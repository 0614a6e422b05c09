package org.mlcouncil.deployment;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData.FormPart;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;

/**
 * The multipart body of {@code POST /engine-rest/deployment/create}, read with Camunda's own
 * multipart reader so that the platform sees exactly the resources the engine would deploy:
 * every part with a file name other than the REST API's option fields.
 *
 * @param name the client's {@code deployment-name} (Modeler sends the diagram's file name)
 */
public record DeploymentRequest(String name, List<ProposedResource> resources) {

  /** Deployment options of Camunda's REST API; every other part is a resource. */
  private static final Set<String> OPTIONS = Set.of("deployment-name", "deployment-source",
      "deployment-activation-time", "tenant-id", "enable-duplicate-filtering", "deploy-changed-only");

  public static DeploymentRequest parse(byte[] body, String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new DeploymentRefusal(400, "A deployment is a multipart/form-data upload of its resources");
    }
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    // Camunda's reader asks for the header in lower case, as Jersey's case-insensitive map answers it.
    headers.putSingle("content-type", contentType);
    MultipartFormData form;
    try {
      form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null, headers,
          new ByteArrayInputStream(body));
    } catch (RestException | IOException e) {
      throw new DeploymentRefusal(400, "The multipart upload cannot be read: " + e.getMessage());
    }
    List<ProposedResource> resources = new ArrayList<>();
    for (String part : form.getPartNames()) {
      if (OPTIONS.contains(part)) {
        continue;
      }
      FormPart resource = form.getNamedPart(part);
      if (resource.getFileName() == null || resource.getFileName().isBlank()) {
        throw new DeploymentRefusal(400, "Form part '" + part + "' is no file: every resource needs a file name");
      }
      resources.add(new ProposedResource(resource.getFileName(), resource.getBinaryContent()));
    }
    if (resources.isEmpty()) {
      throw new DeploymentRefusal(400, "No deployment resources contained in the form upload");
    }
    FormPart name = form.getNamedPart("deployment-name");
    // One line: the name reaches the log and mail subjects.
    String deploymentName = name == null || name.getTextContent() == null ? ""
        : name.getTextContent().replaceAll("\\s+", " ").strip();
    return new DeploymentRequest(deploymentName, List.copyOf(resources));
  }
}
