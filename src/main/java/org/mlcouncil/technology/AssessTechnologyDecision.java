package org.mlcouncil.technology;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.proposal.screening.Screening;
import org.springframework.stereotype.Component;

/** Service task "Compare option costs": fresh findings each round, for the council to read. */
@Component("assessTechnologyDecision")
public class AssessTechnologyDecision implements JavaDelegate {

  private final TechnologyDecisionVariables decisions;
  private final Screening screening;

  public AssessTechnologyDecision(TechnologyDecisionVariables decisions, Screening screening) {
    this.decisions = decisions;
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.reset(execution);
    screening.add(execution, List.of(CostComparison.of(decisions.read(execution.getVariables()))));
  }
}
