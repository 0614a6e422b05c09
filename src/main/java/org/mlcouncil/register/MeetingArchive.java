package org.mlcouncil.register;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mlcouncil.meeting.AgendaItem;
import org.mlcouncil.meeting.MeetingRecord;
import org.mlcouncil.platform.JsonVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every ML Review, open or held, from the history of {@code ml-review-meeting}: its agenda while it
 * runs, its notes ({@code meetingRecord}) once closed. History keeps both after the process ends.
 * The chair opens one now, as the weekly timer would.
 */
@Component
public class MeetingArchive {

  static final String PROCESS = "ml-review-meeting";
  static final String REQUESTED = "MlReviewRequested";
  private static final Logger log = LoggerFactory.getLogger(MeetingArchive.class);
  private static final TypeReference<List<AgendaItem>> AGENDA = new TypeReference<>() {
  };
  private static final TypeReference<MeetingRecord> RECORD = new TypeReference<>() {
  };

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final JsonVariables json;

  public MeetingArchive(HistoryService historyService, RuntimeService runtimeService,
                        IdentityService identityService, JsonVariables json) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.json = json;
  }

  /**
   * @param record the notes once the chair closed it, else {@code null}
   * @param agenda the items it takes up (as of the last time the agenda was drawn up)
   */
  public record Meeting(String key, Instant opened, Instant ended, boolean open, List<AgendaItem> agenda,
                        MeetingRecord record) {
  }

  public record Meetings(List<Meeting> meetings, long total, int page, int size) {
  }

  /** A page of meetings, newest first: two statements for the page whatever its size, and the count. */
  public Meetings page(Viewer viewer, int page, int size) {
    Register.requireReader(viewer);
    long total = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS).orderByProcessInstanceStartTime().desc().listPage(page * size, size);
    return new Meetings(meetings(instances), total, page, size);
  }

  public Meeting meeting(Viewer viewer, String key) {
    Register.requireReader(viewer);
    List<HistoricProcessInstance> instances = key == null || key.length() > 64 ? List.of()
        : historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(key).list();
    if (instances.isEmpty()) {
      throw new RegisterRefusal(404, "meeting", "no ML Review " + key);
    }
    return meetings(instances).get(0);
  }

  /** The chair (or an administrator) opens the ML Review now; the engine's authorization has the last word. */
  public void holdNow(Viewer viewer) {
    if (!viewer.isChair()) {
      throw new RegisterRefusal(403, "user", "only the council chair or an administrator opens the ML Review");
    }
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(viewer.userId(), viewer.groups());
    try {
      runtimeService.createMessageCorrelation(REQUESTED).correlateStartMessage();
      log.info("ML Review opened by {} from the register", viewer.userId());
    } catch (AuthorizationException refused) {
      throw new RegisterRefusal(403, "user", "the engine refuses " + viewer.userId() + " to open the ML Review");
    } finally {
      identityService.clearAuthentication();
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }

  private List<Meeting> meetings(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn("agenda", "meetingRecord").list()) {
      if (variable.getValue() != null) {
        variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    List<Meeting> meetings = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> values = variables.getOrDefault(instance.getId(), Map.of());
      meetings.add(new Meeting(instance.getBusinessKey(), instance.getStartTime().toInstant(),
          instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), instance.getEndTime() == null,
          json.convert(values.get("agenda"), AGENDA, List.of()), json.convert(values.get("meetingRecord"), RECORD, null)));
    }
    return meetings;
  }
}
