package org.mlcouncil.deployment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The resources awaiting review as one zip file, kept in a file variable of the review: the
 * engine stores its bytes in its byte-array table, which takes models of any size (a string
 * variable holds 4000 characters), and Cockpit offers the file for download.
 */
final class ResourceArchive {

  static final String MIME_TYPE = "application/zip";

  private ResourceArchive() {
  }

  static byte[] pack(List<ProposedResource> resources) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (ProposedResource resource : resources) {
        zip.putNextEntry(new ZipEntry(resource.name()));
        zip.write(resource.bytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot pack the deployment's resources", e);
    }
    return bytes.toByteArray();
  }

  static List<ProposedResource> unpack(byte[] archive) {
    List<ProposedResource> resources = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        resources.add(new ProposedResource(entry.getName(), zip.readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the deployment's resources", e);
    }
    return resources;
  }
}
