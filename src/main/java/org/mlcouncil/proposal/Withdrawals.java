package org.mlcouncil.proposal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.mlcouncil.platform.Administrators;
import org.mlcouncil.platform.TextLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The proposer (or an administrator) withdraws a proposal before its decision, whichever page or
 * API asks. The proposer holds no permission on the process instance itself, so this checks who
 * asks and then correlates the withdrawal message on the engine's behalf. A refusal (400, 403,
 * 404, 409) is logged in one line, as every refused user action is.
 */
@Component
public class Withdrawals {

  static final String MESSAGE = "ProposalWithdrawn";
  public static final int MAX_REASON = 2000;
  private static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Administrators administrators;

  public Withdrawals(RuntimeService runtimeService, IdentityService identityService, Administrators administrators) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.administrators = administrators;
  }

  /** What came of a withdrawal: {@code OK}, or the refusal's status with the field and message. */
  public record Outcome(HttpStatus status, String field, String message) {

    public boolean withdrawn() {
      return status == HttpStatus.OK;
    }
  }

  public Outcome withdraw(Authentication caller, String businessKey, String rawReason) {
    String reason = rawReason == null ? "" : rawReason.strip();
    if (reason.length() > MAX_REASON) {
      return refused(HttpStatus.BAD_REQUEST, "reason", "must be at most " + MAX_REASON + " characters (got "
          + reason.length() + ")");
    }
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      ProcessInstance proposal = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey("ml-proposal").processInstanceBusinessKey(businessKey).active().singleResult();
      if (proposal == null) {
        return notOpen(businessKey);
      }
      Object proposer = runtimeService.getVariable(proposal.getId(), "proposer");
      if (!caller.getUserId().equals(proposer) && !administrators.include(caller)) {
        return refused(HttpStatus.FORBIDDEN, "businessKey",
            "only the proposer (" + proposer + ") or an administrator may withdraw " + businessKey);
      }
      if (runtimeService.createEventSubscriptionQuery().processInstanceId(proposal.getId()).eventType("message")
          .eventName(MESSAGE).count() == 0) {
        // Withdrawn already, its mail still on the way: the instance runs on but takes no withdrawal.
        return notOpen(businessKey);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          runtimeService.createMessageCorrelation(MESSAGE)
              .processInstanceId(proposal.getId())
              .setVariable("withdrawnBy", caller.getUserId())
              .setVariable("withdrawalReason", reason)
              .correlate();
          return new Outcome(HttpStatus.OK, null, businessKey + " withdrawn");
        } catch (MismatchingMessageCorrelationException closed) {
          // Withdrawn or decided by a concurrent request since the query.
          return notOpen(businessKey);
        } catch (OptimisticLockingException busy) {
          // A step of the proposal (screening, a review's count) ran in the same moment; the
          // withdrawal cancels it, so it is tried again on the proposal as that step left it.
          if (attempt == MAX_ATTEMPTS) {
            return refused(HttpStatus.CONFLICT, "businessKey", businessKey + " is changing right now; try again");
          }
        }
      }
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }

  private static Outcome notOpen(String businessKey) {
    return refused(HttpStatus.NOT_FOUND, "businessKey", "no open proposal " + TextLimits.abbreviate(businessKey));
  }

  private static Outcome refused(HttpStatus status, String field, String message) {
    log.info("Refused: {}: {}", field, message);
    return new Outcome(status, field, field + ": " + message);
  }
}
