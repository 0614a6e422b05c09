package org.mlcouncil.proposal;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mlcouncil.platform.Administrators;
import org.mlcouncil.platform.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/proposals/{businessKey}/withdrawal}: the proposer (or an administrator)
 * withdraws a proposal before its decision. The proposer holds no permission on the process
 * instance itself, so this endpoint checks who asks and then correlates the withdrawal message
 * on the engine's behalf. A refusal (403, 404) is logged in one line, as every refused user
 * action is.
 */
@RestController
public class WithdrawalController {

  static final String MESSAGE = "ProposalWithdrawn";
  static final int MAX_REASON = 2000;

  private static final Logger log = LoggerFactory.getLogger(WithdrawalController.class);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Administrators administrators;

  public WithdrawalController(RuntimeService runtimeService, IdentityService identityService,
                              Administrators administrators) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.administrators = administrators;
  }

  public record WithdrawalRequest(String reason) {
  }

  @PostMapping("/api/proposals/{businessKey}/withdrawal")
  public ResponseEntity<Map<String, String>> withdraw(@PathVariable String businessKey,
                                                      @RequestBody(required = false) WithdrawalRequest request) {
    Authentication caller = identityService.getCurrentAuthentication();
    String reason = request == null || request.reason() == null ? "" : request.reason().strip();
    if (reason.length() > MAX_REASON) {
      return error(HttpStatus.BAD_REQUEST, "reason", "must be at most " + MAX_REASON + " characters (got "
          + reason.length() + ")");
    }
    identityService.clearAuthentication();
    try {
      ProcessInstance proposal = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("ml-proposal").processInstanceBusinessKey(businessKey).active().singleResult();
      if (proposal == null) {
        return notOpen(businessKey);
      }
      Object proposer = runtimeService.getVariable(proposal.getId(), "proposer");
      if (!caller.getUserId().equals(proposer) && !administrators.include(caller)) {
        return error(HttpStatus.FORBIDDEN, "businessKey",
            "only the proposer (" + proposer + ") or an administrator may withdraw " + businessKey);
      }
      if (runtimeService.createEventSubscriptionQuery().processInstanceId(proposal.getId()).eventType("message")
          .eventName(MESSAGE).count() == 0) {
        // Withdrawn already, its mail still on the way: the instance runs on but takes no withdrawal.
        return notOpen(businessKey);
      }
      try {
        runtimeService.createMessageCorrelation(MESSAGE)
            .processInstanceId(proposal.getId())
            .setVariable("withdrawnBy", caller.getUserId())
            .setVariable("withdrawalReason", reason)
            .correlate();
      } catch (MismatchingMessageCorrelationException closed) {
        // Withdrawn or decided by a concurrent request since the query.
        return notOpen(businessKey);
      }
      return ResponseEntity.ok(Map.of("businessKey", businessKey, "status", "withdrawn"));
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  private static ResponseEntity<Map<String, String>> notOpen(String businessKey) {
    return error(HttpStatus.NOT_FOUND, "businessKey", "no open proposal " + TextLimits.abbreviate(businessKey));
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String field, String message) {
    log.info("Refused: {}: {}", field, message);
    return ResponseEntity.status(status).body(Map.of("field", field, "message", field + ": " + message));
  }
}
