package org.mlcouncil.meeting;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mlcouncil.platform.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * After the chair ran the meeting: every agenda item the chair did not carry over is taken up
 * by its council review (message {@value Agenda#MEETING_HELD}), which applies the votes or asks
 * the chair to break the tie. Carried-over items keep waiting for the next ML Review. An item
 * without quorum is carried over unless the chair chose to decide it now ({@code decideNow},
 * with a reason): nobody decides by default. Quorum is counted as the item stands when it is
 * taken up, so a vote cast after the chair's click still counts.
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
  private final Agenda agenda;
  private final JsonVariables json;

  public HoldMlReview(RuntimeService runtimeService, Agenda agenda, JsonVariables json) {
    this.runtimeService = runtimeService;
    this.agenda = agenda;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> carryOver = json.convert(execution.getVariable("carryOver"), IDS, List.of());
    List<String> decideNow = json.convert(execution.getVariable("decideNow"), IDS, List.of());
    List<String> carried = new ArrayList<>();
    List<String> decidedWithoutQuorum = new ArrayList<>();
    List<AgendaItem> items = json.read(execution, "agenda", ITEMS, List.of());
    // Votes may have come in since the agenda was written: quorum is as the reviews stand now.
    Map<String, AgendaItem> now = agenda.items(items.stream().map(AgendaItem::reviewId).toList());
    for (AgendaItem item : items) {
      boolean quorumMet = now.get(item.reviewId()).quorumMet();
      if (carryOver.contains(item.itemId()) || !quorumMet && !decideNow.contains(item.itemId())) {
        carried.add(item.itemId());
        continue;
      }
      if (!quorumMet) {
        decidedWithoutQuorum.add(item.itemId());
      }
      runtimeService.createMessageCorrelation(Agenda.MEETING_HELD)
          .processInstanceId(item.reviewId())
          .setVariable("meetingId", execution.getVariable("meetingId"))
          .correlate();
    }
    execution.setVariable("carriedOver", carried);
    execution.setVariable("decidedWithoutQuorum", decidedWithoutQuorum);
  }
}
