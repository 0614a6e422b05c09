package org.mlcouncil.register;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
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
        text(execution, "meetingId"), ClockUtil.getCurrentTime());
  }

  /** The council review ended: remember the ML Review that decided, before the item closes. */
  ExecutionListener councilEnd() {
    return execution -> {
      String meetingId = text(execution, "meetingId");
      if (meetingId != null) {
        table.councilStage(execution.getProcessBusinessKey(), "Council decided", meetingId,
            ClockUtil.getCurrentTime());
      }
    };
  }

  /** The item's process ended: its decision, or withdrawn, or cancelled by an administrator. */
  ExecutionListener itemEnd() {
    return execution -> {
      String decision;
      String rationale = text(execution, "councilRationale");
      String council = text(execution, "councilDecision");
      if (execution.getVariable("withdrawnBy") != null) {
        decision = "withdrawn";
        rationale = text(execution, "withdrawalReason");
      } else if (council != null && !"changes-requested".equals(council)) {
        decision = council;
      } else if ("rejected".equals(text(execution, "podDecision"))) {
        decision = "rejected";
        rationale = "Rejected by the pod leads";
      } else {
        decision = "cancelled";
      }
      table.close(execution.getProcessBusinessKey(), decision, TextLimits.bounded(rationale, 4000),
          ClockUtil.getCurrentTime());
    };
  }

  private static RegisterTable.Facts facts(ItemKind kind, DelegateExecution execution) {
    String proposer = text(execution, kind.proposerVariable());
    String lead = kind.leadVariable() == null ? null : text(execution, kind.leadVariable());
    Set<String> people = new LinkedHashSet<>();
    if (proposer != null) {
      people.add(proposer);
    }
    if (lead != null) {
      people.add(lead);
    }
    String team = kind.teamVariable() == null ? null : text(execution, kind.teamVariable());
    if (team != null) {
      Arrays.stream(team.split(",")).map(String::strip).filter(member -> !member.isEmpty()).forEach(people::add);
    }
    String title = text(execution, "title");
    StringBuilder search = new StringBuilder(execution.getProcessBusinessKey()).append('\n')
        .append(title == null ? "" : title);
    kind.texts().forEach(name -> {
      String value = text(execution, name);
      if (value != null) {
        search.append('\n').append(value);
      }
    });
    String searchText = search.toString().toLowerCase(Locale.ROOT);
    return new RegisterTable.Facts(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), kind,
        TextLimits.bounded(title, 1000), text(execution, "pod"), proposer, lead,
        // Spaces around every id, so "has this person" is one LIKE '% id %'.
        TextLimits.bounded(" " + String.join(" ", people) + " ", 4000),
        searchText.length() > MAX_SEARCH_TEXT ? searchText.substring(0, MAX_SEARCH_TEXT) : searchText);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
