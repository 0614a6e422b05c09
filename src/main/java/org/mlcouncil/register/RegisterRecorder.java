package org.mlcouncil.register;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mlcouncil.platform.TextLimits;

/**
 * Keeps {@link RegisterTable} up to date from inside the engine: {@link RegisterPlugin} adds these
 * listeners to the item processes and the council review when their models are parsed, so no
 * model carries them and a process owner's new version is recorded alike.
 */
final class RegisterRecorder {

  static final String COUNCIL_REVIEW = "council-review";
  /** What {@link #outcome} reads. */
  static final List<String> OUTCOME_VARIABLES =
      List.of("withdrawnBy", "withdrawalReason", "councilDecision", "councilRationale", "podDecision");
  private static final int MAX_SEARCH_TEXT = 20_000;

  private final RegisterTable table;

  RegisterRecorder(RegisterTable table) {
    this.table = table;
  }

  /** The item reached a step that names its stage (the activity's name): its row follows. */
  ExecutionListener itemStage(ItemKind kind, String stage) {
    return execution -> table.stage(facts(kind, execution), stage, ClockUtil.getCurrentTime());
  }

  /** The council review of an item reached a stage (votes, the ML Review, the chair). */
  ExecutionListener councilStage(String stage) {
    return execution -> table.councilStage(execution.getProcessBusinessKey(), stage,
        text(execution::getVariable, "meetingId"), ClockUtil.getCurrentTime());
  }

  /** The council review ended: remember the ML Review that decided, before the item closes. */
  ExecutionListener councilEnd() {
    return execution -> {
      String meetingId = text(execution::getVariable, "meetingId");
      if (meetingId != null) {
        table.councilStage(execution.getProcessBusinessKey(), "Council decided", meetingId,
            ClockUtil.getCurrentTime());
      }
    };
  }

  /** The item's process ended: its decision, or withdrawn, or cancelled by an administrator. */
  ExecutionListener itemEnd() {
    return execution -> {
      Outcome outcome = outcome(execution::getVariable);
      table.close(execution.getProcessBusinessKey(), outcome.decision(), outcome.rationale(),
          ClockUtil.getCurrentTime());
    };
  }

  /** How an item ended, from its variables. */
  record Outcome(String decision, String rationale) {
  }

  static Outcome outcome(Function<String, Object> variables) {
    String council = text(variables, "councilDecision");
    if (variables.apply("withdrawnBy") != null) {
      return new Outcome("withdrawn", TextLimits.bounded(text(variables, "withdrawalReason"), 4000));
    }
    if (council != null && !"changes-requested".equals(council)) {
      return new Outcome(council, TextLimits.bounded(text(variables, "councilRationale"), 4000));
    }
    if ("rejected".equals(text(variables, "podDecision"))) {
      return new Outcome("rejected", "Rejected by the pod leads");
    }
    return new Outcome("cancelled", null);
  }

  private static RegisterTable.Facts facts(ItemKind kind, DelegateExecution execution) {
    return facts(kind, execution.getProcessBusinessKey(), execution.getProcessInstanceId(), execution::getVariable);
  }

  /** What the register keeps of an item, from its variables (live, or from history). */
  static RegisterTable.Facts facts(ItemKind kind, String businessKey, String processInstanceId,
                                   Function<String, Object> variables) {
    String proposer = text(variables, kind.proposerVariable());
    String lead = kind.leadVariable() == null ? null : text(variables, kind.leadVariable());
    Set<String> people = new LinkedHashSet<>();
    if (proposer != null) {
      people.add(proposer);
    }
    if (lead != null) {
      people.add(lead);
    }
    String team = kind.teamVariable() == null ? null : text(variables, kind.teamVariable());
    if (team != null) {
      Arrays.stream(team.split(",")).map(String::strip).filter(member -> !member.isEmpty()).forEach(people::add);
    }
    String title = text(variables, "title");
    StringBuilder search = new StringBuilder(businessKey).append('\n').append(title == null ? "" : title);
    kind.texts().forEach(name -> {
      String value = text(variables, name);
      if (value != null) {
        search.append('\n').append(value);
      }
    });
    String searchText = search.toString().toLowerCase(Locale.ROOT);
    return new RegisterTable.Facts(businessKey, processInstanceId, kind,
        TextLimits.bounded(title, 1000), text(variables, "pod"), proposer, lead, List.copyOf(people),
        searchText.length() > MAX_SEARCH_TEXT ? searchText.substring(0, MAX_SEARCH_TEXT) : searchText);
  }

  private static String text(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    return value == null ? null : value.toString();
  }
}
