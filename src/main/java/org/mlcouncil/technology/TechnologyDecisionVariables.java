package org.mlcouncil.technology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.directory.Recipients;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.submission.Amounts;
import org.mlcouncil.submission.SubmissionKind;
import org.springframework.stereotype.Component;

/**
 * A technology decision's process variables: validated, normalised, and what the council needs
 * from them. ML infrastructure runs what is decided, so {@code ml-infra} hears of every decision.
 */
@Component
public class TechnologyDecisionVariables implements SubmissionKind {

  @Override
  public String kind() {
    return TechnologyDecisionValidator.KIND;
  }

  @Override
  public String keyPrefix() {
    return "TD";
  }

  public TechnologyDecision read(Map<String, Object> submitted) {
    return TechnologyDecisionValidator.validate(submitted).orThrow();
  }

  @Override
  public void store(Map<String, Object> submitted, VariableScope process) {
    TechnologyDecision decision = read(submitted);
    Object submitter = process.getVariable("submitter");
    process.setVariables(TechnologyDecisionValidator.variables(decision));
    CostedOption recommended = decision.recommended();
    process.setVariable("title", decision.component() + " – " + decision.recommendation().label() + " ("
        + recommended.name() + ")");
    List<String> interested = new ArrayList<>();
    if (submitter instanceof String user) {
      interested.add(user);
    }
    interested.add(Recipients.group(Groups.ML_INFRA));
    process.setVariable("interested", interested);
    String options = decision.options().stream()
        .map(option -> option.number() + ". " + option.name() + ": " + Amounts.usd(option.yearlyCost()))
        .collect(Collectors.joining("; "));
    process.setVariable("summary", TextLimits.summary(texts -> "Submitted by: " + submitter
        + " · Component: " + decision.component()
        + "\n\nProblem: " + texts.get(0) + "\n\n"
        + "Options considered (yearly cost): " + options + "\n\n"
        + "Recommendation: " + decision.recommendation().label() + ", option " + recommended.number() + " ("
        + recommended.name() + ")\n\n"
        + "Risks: " + texts.get(1), List.of(decision.problem(), decision.risks())));
  }
}
