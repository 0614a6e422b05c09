package org.mlcouncil.proposal.screening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.proposal.ProposalVariables;

/** A BPMN service task that runs one charter check and adds its findings. */
public class ScreeningStep implements JavaDelegate {

  private final ScreeningCheck check;
  private final ProposalVariables proposals;
  private final PeopleDirectory people;
  private final ScreeningProperties settings;
  private final Screening screening;

  public ScreeningStep(ScreeningCheck check, ProposalVariables proposals, PeopleDirectory people,
                       ScreeningProperties settings, Screening screening) {
    this.check = check;
    this.proposals = proposals;
    this.people = people;
    this.settings = settings;
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    screening.add(execution, check.check(proposals.read(execution), people, settings));
  }
}
