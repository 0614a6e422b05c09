package org.mlcouncil.meeting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.submission.SubmittedValues;
import org.springframework.stereotype.Component;

/**
 * Checks the chair's choices on completing <em>Run ML Review</em>, in the chair's own click: items
 * to carry over or to decide without quorum must be on this agenda, and deciding any item
 * without quorum needs a reason, which the meeting record keeps.
 */
@Component("agendaChoice")
public class AgendaChoice implements TaskListener {

  private static final TypeReference<List<String>> IDS = new TypeReference<>() {
  };

  private final JsonVariables json;

  public AgendaChoice(JsonVariables json) {
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> onAgenda = json.read(task.getExecution(), "agenda", HoldMlReview.ITEMS, List.of()).stream()
        .map(AgendaItem::itemId).toList();
    List<String> decideNow = json.convert(task.getVariable("decideNow"), IDS, List.of());
    Object typedReason = task.getVariable("decideNowReason");
    SubmittedValues in = new SubmittedValues(typedReason == null ? Map.of() : Map.of("decideNowReason", typedReason));
    for (String field : List.of("carryOver", "decideNow")) {
      json.convert(task.getVariable(field), IDS, List.<String>of()).stream().filter(id -> !onAgenda.contains(id))
          .findFirst().ifPresent(id -> in.error(field, "'" + TextLimits.abbreviate(id) + "' is not on this agenda"));
    }
    String reason = in.text("decideNowReason", TextLimits.STRING_VARIABLE, false);
    if (!decideNow.isEmpty() && reason.isEmpty()) {
      in.error("decideNowReason", "is required to decide " + String.join(", ", decideNow)
          + " without quorum: say why it cannot wait for the next ML Review");
    }
    in.result("ML Review", () -> null).orThrow();
  }
}
