package org.mlcouncil.register;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricExternalTaskLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.mlcouncil.council.CouncilTally;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.notification.Announcements;
import org.mlcouncil.notification.TaskAnnouncer;
import org.mlcouncil.platform.JsonVariables;
import org.mlcouncil.review.PodReview;
import org.springframework.stereotype.Component;

/**
 * An item's story from the engine's history: its submitted values and a timeline of what happened
 * (submitted, screened with findings, each review and vote with who, when and comment, each
 * amendment with what changed, the mails sent, the decision). One item is a handful of process
 * instances (the item and its council reviews), so a few history queries per instance suffice.
 */
@Component
public class ItemHistory {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };
  /** A task announcement sent, as the step of a {@code task-notification} instance that sends one after a failure is named. */
  private static final String ANNOUNCED = "Mail: Send task mail";
  private static final Set<String> STEPS = Set.of("userTask", "callActivity", "subProcess",
      "intermediateMessageCatch", "intermediateSignalCatch", "intermediateTimer");

  private final HistoryService historyService;
  private final JsonVariables json;
  private final RegisterProperties properties;
  private final Announcements announcements;

  public ItemHistory(HistoryService historyService, JsonVariables json,
                     RegisterProperties properties, Announcements announcements) {
    this.historyService = historyService;
    this.json = json;
    this.properties = properties;
    this.announcements = announcements;
  }

  /** One line of the timeline. */
  public record Event(Instant at, String what, String who, String detail) {

    public String when() {
      return RegisterItem.minute(at);
    }
  }

  /**
   * @param details the submitted values by name, restricted ones left out unless the viewer may see them
   * @param restrictedHidden whether some were left out
   */
  public record Story(Map<String, String> details, boolean restrictedHidden, List<String> people, List<Event> timeline) {
  }

  public Story of(RegisterItem item, Viewer viewer) {
    ItemKind kind = ItemKind.ofLabel(item.kind()).orElseThrow();
    List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(item.key()).list();
    // Gone when the history cleanup removed it (historyTimeToLive); the register's row stays.
    String itemInstanceId = instances.stream()
        .filter(instance -> kind.processKey().equals(instance.getProcessDefinitionKey())).findFirst()
        .map(HistoricProcessInstance::getId).orElse(null);

    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> current = new TreeMap<>();
    if (itemInstanceId != null) {
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(itemInstanceId).variableNameIn(kind.details().toArray(String[]::new)).list()) {
        current.put(variable.getName(), shown(variable.getValue()));
      }
    }
    List<String> people = people(kind, item, current);
    boolean seesRestricted = viewer.seesRestricted(item.pod(), people);
    boolean hidden = false;
    for (String name : kind.details()) {
      if (!current.containsKey(name) || current.get(name) == null) {
        continue;
      }
      if (properties.restrictedFields().contains(name) && !seesRestricted) {
        hidden = true;
        continue;
      }
      values.put(name, current.get(name));
    }

    List<Event> timeline = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      boolean isItem = instance.getId().equals(itemInstanceId);
      Map<String, String> stepNames = steps(instance, isItem, timeline);
      variableEvents(instance, isItem, kind, seesRestricted, timeline);
      // Its announcement's row records the mail a task-notification instance sent, named by the step it stood for.
      if (!TaskAnnouncer.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
        mails(instance, stepNames, timeline);
      }
    }
    announcements.sentFor(item.key()).forEach(sent -> timeline.add(new Event(sent.at(),
        sent.step() == null ? ANNOUNCED : "Mail: " + sent.step(), null, null)));
    if (!item.isOpen()) {
      timeline.add(new Event(item.decidedAt(), "Decision: " + item.decision()
          + (item.meetingId() == null ? "" : " at ML Review " + item.meetingId()), null, item.rationale()));
    }
    timeline.sort(Comparator.comparing(Event::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Story(values, hidden, people, timeline);
  }

  /** Adds the steps an item waited in; answers every step's name by its id. */
  private Map<String, String> steps(HistoricProcessInstance instance, boolean isItem, List<Event> timeline) {
    Map<String, String> names = new TreeMap<>();
    if (isItem) {
      timeline.add(new Event(instant(instance.getStartTime()), "Submitted", instance.getStartUserId(), null));
    }
    for (HistoricActivityInstance step : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      String what = step.getActivityName() == null ? step.getActivityId() : step.getActivityName();
      names.put(step.getActivityId(), what);
      if (STEPS.contains(step.getActivityType())) {
        timeline.add(new Event(instant(step.getStartTime()), what
            + (step.getEndTime() == null ? " (now)" : ""), step.getAssignee(), null));
      }
    }
    return names;
  }

  private void mails(HistoricProcessInstance instance, Map<String, String> stepNames, List<Event> timeline) {
    for (HistoricExternalTaskLog sent : historyService.createHistoricExternalTaskLogQuery()
        .processInstanceId(instance.getId()).topicName("mail").successLog().list()) {
      String step = stepNames.getOrDefault(sent.getActivityId(), sent.getActivityId());
      timeline.add(new Event(instant(sent.getTimestamp()), "Mail: " + step, null, null));
    }
  }

  /** Reviews and votes (each kept as a variable of its own), findings, and amendments (values changed later). */
  private void variableEvents(HistoricProcessInstance instance, boolean isItem, ItemKind kind, boolean seesRestricted,
                              List<Event> timeline) {
    Map<Date, Set<String>> changes = new TreeMap<>();
    List<HistoricVariableUpdate> findings = new ArrayList<>();
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().variableUpdates()
        .processInstanceId(instance.getId()).list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      String name = update.getVariableName();
      if (name.startsWith("podReview:")) {
        Map<String, Object> review = json.convert(update.getValue(), MAP, null);
        if (review != null) {
          PodReview.Decision decision = PodReview.Decision.of(review.get("decision"));
          timeline.add(new Event(instant(update.getTime()), "Pod review (" + Who.group(name.substring(10)) + "): "
              + (decision == null ? review.get("decision") : decision.label()), text(review.get("reviewer")),
              text(review.get("comment"))));
        }
      } else if (name.startsWith(CouncilTally.VOTE_PREFIX)) {
        Map<String, Object> vote = json.convert(update.getValue(), MAP, null);
        if (vote != null) {
          CouncilVote.Decision decision = CouncilVote.Decision.of(vote.get("vote"));
          timeline.add(new Event(instant(update.getTime()), "Council vote: "
              + (decision == null ? vote.get("vote") : decision.label()), text(vote.get("voter")), text(vote.get("comment"))));
        }
      } else if (isItem && name.equals("findingsSummary") && update.getValue() != null) {
        findings.add(update);
      } else if (isItem && update.getRevision() > 0 && kind.details().contains(name)
          && (seesRestricted || !properties.restrictedFields().contains(name))) {
        changes.computeIfAbsent(update.getTime(), time -> new LinkedHashSet<>()).add(name);
      }
    }
    changes.forEach((time, names) -> timeline.add(new Event(instant(time), "Amended", null,
        "changed: " + String.join(", ", names.stream().map(ItemHistory::label).toList()))));
    screeningRounds(findings, changes.keySet(), timeline);
  }

  /**
   * Each check of a screening adds its finding to the summary: of a round's updates only the last,
   * complete one is an event. A new round starts only after an amendment.
   */
  private static void screeningRounds(List<HistoricVariableUpdate> findings, Set<Date> amendments, List<Event> timeline) {
    findings.sort(Comparator.comparing(HistoricVariableUpdate::getRevision));
    for (int i = 0; i < findings.size(); i++) {
      HistoricVariableUpdate update = findings.get(i);
      Date next = i == findings.size() - 1 ? null : findings.get(i + 1).getTime();
      boolean lastOfRound = next == null
          || amendments.stream().anyMatch(amended -> !amended.before(update.getTime()) && amended.before(next));
      if (lastOfRound) {
        timeline.add(new Event(instant(update.getTime()), "Screening findings", null, update.getValue().toString()));
      }
    }
  }

  private static List<String> people(ItemKind kind, RegisterItem item, Map<String, String> current) {
    Set<String> people = new LinkedHashSet<>();
    if (item.proposer() != null) {
      people.add(item.proposer());
    }
    if (item.technicalLead() != null) {
      people.add(item.technicalLead());
    }
    if (kind.teamVariable() != null && current.get(kind.teamVariable()) != null) {
      Arrays.stream(current.get(kind.teamVariable()).split(",")).map(String::strip).filter(id -> !id.isEmpty())
          .forEach(people::add);
    }
    return List.copyOf(people);
  }

  /** "estimatedAnnualImpact" as a reader says it: "Estimated annual impact". */
  public static String label(String name) {
    String spaced = name.replaceAll("([a-z])([A-Z0-9])", "$1 $2").toLowerCase();
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** A submitted value as people typed it: amounts without a trailing ".0", yes and no. */
  static String shown(Object value) {
    if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
      return String.valueOf(number.longValue());
    }
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "no";
    }
    return value == null ? null : String.valueOf(value);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
