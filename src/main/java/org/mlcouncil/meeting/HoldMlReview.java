package org.mlcouncil.meeting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * After the chair ran the meeting: every agenda item the chair did not carry over is taken up
 * by its council review (message {@value Agenda#MEETING_HELD}), which applies the votes or asks
 * the chair to break the tie. Carried-over items keep waiting for the next ML Review.
 *
 * <p>Applying the votes has no asynchronous step of its own: each item's outcome is settled in
 * this step's transaction, before the chair can close the meeting, so the notes compiled at the
 * close never find an item still waiting to be applied. The step runs as its own job, not in the
 * chair's click, so an item changing meanwhile (a late vote) makes the job retry, not the chair.
 */
@Component("holdMlReview")
public class HoldMlReview implements JavaDelegate {

  static final TypeReference<List<AgendaItem>> ITEMS = new TypeReference<>() {
  };
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {
  };

  private final RuntimeService runtimeService;
  private final JsonVariables json;

  public HoldMlReview(RuntimeService runtimeService, JsonVariables json) {
    this.runtimeService = runtimeService;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> carryOver = json.convert(execution.getVariable("carryOver"), IDS, List.of());
    List<String> carried = new ArrayList<>();
    for (AgendaItem item : json.read(execution, "agenda", ITEMS, List.of())) {
      if (carryOver.contains(item.itemId())) {
        carried.add(item.itemId());
        continue;
      }
      runtimeService.createMessageCorrelation(Agenda.MEETING_HELD)
          .processInstanceId(item.reviewId())
          .setVariable("meetingId", execution.getVariable("meetingId"))
          .correlate();
    }
    execution.setVariable("carriedOver", carried);
  }
}
