package org.mlcouncil.proposal.screening;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The screening findings of a proposal: the JSON variable {@code findings} (for machines and
 * Cockpit) and {@code findingsSummary} (Markdown for the forms and mails).
 */
@Component("screening")
public class Screening {

  public static final String FINDINGS = "findings";
  private static final TypeReference<List<Finding>> LIST = new TypeReference<>() {
  };

  private final JsonVariables json;

  public Screening(JsonVariables json) {
    this.json = json;
  }

  public List<Finding> findings(VariableScope scope) {
    return json.read(scope, FINDINGS, LIST, List.of());
  }

  /** Starts a screening round: findings of an earlier round no longer apply. */
  public void reset(VariableScope scope) {
    store(scope, List.of());
  }

  public void add(VariableScope scope, List<Finding> findings) {
    List<Finding> all = new ArrayList<>(findings(scope));
    all.addAll(findings);
    store(scope, all);
  }

  public boolean hasBlocker(VariableScope scope) {
    return Findings.hasBlocker(findings(scope));
  }

  private void store(VariableScope scope, List<Finding> findings) {
    json.writeCompact(scope, FINDINGS, findings);
    scope.setVariable("findingsSummary", Findings.summary(findings));
  }
}
