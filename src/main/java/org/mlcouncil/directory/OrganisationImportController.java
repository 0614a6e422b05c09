package org.mlcouncil.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.mlcouncil.directory.OrganisationFile.InvalidOrganisationFile;
import org.mlcouncil.platform.Administrators;
import org.mlcouncil.platform.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/organisation/import} with an organisation file (YAML) as the body: an
 * administrator brings the users in line with it and gets back what was created, changed and
 * left alone. Anyone else gets 403; a file with problems 400 naming each entry and field, and
 * nothing changes. An administrator also sends someone a new welcome mail (a lost or expired link).
 */
@RestController
@ConditionalOnExpression("'${mlcouncil.ldap.url:}' == ''") // with a directory, people are kept there
public class OrganisationImportController {

  /** Room for thousands of people; a larger body is no organisation file. */
  static final int MAX_FILE = 1_000_000;
  private static final Logger log = LoggerFactory.getLogger(OrganisationImportController.class);

  private final OrganisationImport organisationImport;
  private final IdentityService identityService;
  private final Administrators administrators;

  public OrganisationImportController(OrganisationImport organisationImport, IdentityService identityService,
                                      Administrators administrators) {
    this.organisationImport = organisationImport;
    this.identityService = identityService;
    this.administrators = administrators;
  }

  @PostMapping("/api/organisation/import")
  public ResponseEntity<Map<String, Object>> importFile(@RequestBody(required = false) String file) {
    String caller = identityService.getCurrentAuthentication().getUserId();
    if (!administrators.include(identityService.getCurrentAuthentication())) {
      return refuse(HttpStatus.FORBIDDEN, List.of("file: only an administrator imports the organisation"));
    }
    if (file == null || file.isBlank()) {
      return refuse(HttpStatus.BAD_REQUEST, List.of("file: send the organisation file (YAML) as the request body"));
    }
    if (file.length() > MAX_FILE) {
      return refuse(HttpStatus.BAD_REQUEST, List.of("file: at most " + MAX_FILE + " characters (got " + file.length() + ")"));
    }
    try {
      OrganisationImport.Report report = organisationImport.apply(OrganisationFile.parse(file));
      log.info("Organisation import by {}: {}", caller, report.summary());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("summary", report.summary());
      body.put("created", report.created());
      body.put("changed", report.changed());
      body.put("unchanged", report.unchanged());
      return ResponseEntity.ok(body);
    } catch (InvalidOrganisationFile invalid) {
      return refuse(HttpStatus.BAD_REQUEST, invalid.errors());
    }
  }

  /** {@code POST /api/organisation/users/{userId}/welcome}: a new welcome mail, for a lost or expired link. */
  @PostMapping("/api/organisation/users/{userId}/welcome")
  public ResponseEntity<Map<String, Object>> welcomeAgain(@PathVariable String userId) {
    if (!administrators.include(identityService.getCurrentAuthentication())) {
      return refuse(HttpStatus.FORBIDDEN, List.of("userId: only an administrator sends welcome mails"));
    }
    if (!organisationImport.welcomeAgain(userId)) {
      return refuse(HttpStatus.NOT_FOUND, List.of("userId: no user '" + TextLimits.abbreviate(userId) + "'"));
    }
    return ResponseEntity.accepted().body(Map.of("message", "A new welcome mail with a new link goes to " + userId
        + "; earlier links no longer work once it is sent."));
  }

  private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, List<String> errors) {
    log.info("Refused: organisation import: {}", String.join("; ", errors));
    String first = errors.get(0);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("field", first.substring(0, first.indexOf(':')));
    body.put("message", errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more, see errors)");
    body.put("errors", errors);
    return ResponseEntity.status(status).body(body);
  }
}
