package org.mlcouncil.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlcouncil.directory.OrganisationFile.InvalidOrganisationFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the organisation file named by {@code mlcouncil.directory.organisation-file}
 * ({@code MLCOUNCIL_ORGANISATION_FILE}) at every start-up, after the groups exist. A file that
 * cannot be read or has problems stops the start with a message naming them: a platform that
 * quietly started with last week's people would mail the wrong ones. With a directory
 * ({@code mlcouncil.ldap.url}) people are kept there, and no file is read.
 */
@Component
@Order(2)
@ConditionalOnExpression("'${mlcouncil.directory.organisation-file:}' != '' and '${mlcouncil.ldap.url:}' == ''")
public class OrganisationFileAtStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationFileAtStartup.class);

  private final OrganisationImport organisationImport;
  private final Path file;

  public OrganisationFileAtStartup(OrganisationImport organisationImport,
                                   @Value("${mlcouncil.directory.organisation-file}") Path file) {
    this.organisationImport = organisationImport;
    this.file = file;
  }

  @Override
  public void run(ApplicationArguments args) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Organisation file " + file + " cannot be read: " + e.getMessage(), e);
    }
    try {
      log.info("Organisation file {}: {}", file, organisationImport.apply(OrganisationFile.parse(content)).summary());
    } catch (InvalidOrganisationFile invalid) {
      throw new IllegalStateException("Organisation file " + file + " not imported: " + invalid.getMessage(), invalid);
    }
  }
}
