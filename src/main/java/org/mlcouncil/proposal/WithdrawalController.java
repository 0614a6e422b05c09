package org.mlcouncil.proposal;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/proposals/{businessKey}/withdrawal}: the proposer (or an administrator)
 * withdraws a proposal before its decision ({@link Withdrawals}); the register's Withdraw button
 * does the same.
 */
@RestController
public class WithdrawalController {

  private final IdentityService identityService;
  private final Withdrawals withdrawals;

  public WithdrawalController(IdentityService identityService, Withdrawals withdrawals) {
    this.identityService = identityService;
    this.withdrawals = withdrawals;
  }

  public record WithdrawalRequest(String reason) {
  }

  @PostMapping("/api/proposals/{businessKey}/withdrawal")
  public ResponseEntity<Map<String, String>> withdraw(@PathVariable String businessKey,
                                                      @RequestBody(required = false) WithdrawalRequest request) {
    Withdrawals.Outcome outcome = withdrawals.withdraw(identityService.getCurrentAuthentication(), businessKey,
        request == null ? null : request.reason());
    if (outcome.withdrawn()) {
      return ResponseEntity.ok(Map.of("businessKey", businessKey, "status", "withdrawn"));
    }
    return ResponseEntity.status(outcome.status()).body(Map.of("field", outcome.field(), "message", outcome.message()));
  }
}
