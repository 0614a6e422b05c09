package org.mlcouncil.register;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register as JSON, {@code /api/register/...}, behind the same HTTP Basic authentication as
 * {@code /engine-rest} and with the same authorization as the pages ({@link Register}). Withdrawing
 * stays {@code POST /api/proposals/{key}/withdrawal}.
 */
@RestController
@RequestMapping("/api/register")
public class RegisterApi {

  private static final Logger log = LoggerFactory.getLogger(RegisterApi.class);

  private final Register register;
  private final MeetingArchive meetings;
  private final IdentityService identityService;

  public RegisterApi(Register register, MeetingArchive meetings, IdentityService identityService) {
    this.register = register;
    this.meetings = meetings;
    this.identityService = identityService;
  }

  @GetMapping("/items")
  public Register.Listing items(@RequestParam Map<String, String> parameters) {
    return register.page(viewer(), RegisterSearch.of(parameters, register.properties().pageSize()));
  }

  @GetMapping("/items.csv")
  public void csv(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
    RegisterCsv.write(register, viewer(), RegisterSearch.of(parameters, register.properties().pageSize()), response);
  }

  @GetMapping("/items/{key}")
  public Register.ItemPage item(@PathVariable String key) {
    return register.item(viewer(), key);
  }

  @GetMapping("/my-items")
  public Register.Listing myItems() {
    return register.mine(viewer(), RegisterProperties.MAX_PAGE_SIZE);
  }

  @GetMapping("/charts")
  public RegisterCharts.Figures charts() {
    return register.charts(viewer());
  }

  @GetMapping("/meetings")
  public MeetingArchive.Meetings meetings(@RequestParam Map<String, String> parameters) {
    RegisterSearch paging = RegisterSearch.of(Map.of("page", parameters.getOrDefault("page", ""),
        "size", parameters.getOrDefault("size", "")), register.properties().pageSize());
    return meetings.page(viewer(), paging.page(), paging.size());
  }

  @GetMapping("/meetings/{key}")
  public MeetingArchive.Meeting meeting(@PathVariable String key) {
    return meetings.meeting(viewer(), key);
  }

  /** The chair's "Hold ML Review now". */
  @PostMapping("/meetings")
  public ResponseEntity<Map<String, String>> holdNow() {
    meetings.holdNow(viewer());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "ML Review opened"));
  }

  @ExceptionHandler(RegisterRefusal.class)
  public ResponseEntity<Map<String, String>> refused(RegisterRefusal refusal) {
    log.info("Refused: {}", refusal.getMessage());
    return ResponseEntity.status(refusal.status())
        .body(Map.of("type", "RegisterRefusal", "field", refusal.field(), "message", refusal.getMessage()));
  }

  /** The authenticated caller (the API's filter let nobody else in), with the groups they have now. */
  private Viewer viewer() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null || caller.getUserId() == null ? null : register.viewer(caller.getUserId());
  }
}
