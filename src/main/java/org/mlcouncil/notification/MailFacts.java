package org.mlcouncil.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlcouncil.council.CouncilVote;
import org.mlcouncil.directory.Groups.PodLead;
import org.mlcouncil.platform.PublicLinks;
import org.mlcouncil.proposal.Blocker;
import org.mlcouncil.review.PodReview;
import org.mlcouncil.submission.Amounts;
import org.springframework.stereotype.Component;

/**
 * What a mail says about its item, in the words people use, derived in one place from the
 * variables a mail step sees so that every template reads the same:
 *
 * <ul>
 *   <li>{@code item}: "Smarter ETA (MLP-2026-0007)", the title and the key; {@code itemShort} the
 *       same with a long title cut, for subjects; {@code itemKind}: "ML proposal", "job
 *       description", "technology decision"; {@code byline}: "proposed by paul", "submitted by
 *       priya"</li>
 *   <li>{@code itemUrl}: the item's page in the register; {@code taskUrl}: the task in Tasklist
 *       (with a {@code taskId}); {@code processUrl}: the process instance in Cockpit</li>
 *   <li>{@code decisionText} ("changes requested") and {@code decisionVerb} ("asked for changes
 *       to") of the council's decision; {@code votes} (voter, vote, comment) and {@code reviews}
 *       (lead: "Search pod — engineering manager (sam)", decision, comment)</li>
 *   <li>{@code podName} ("Search pod"), {@code blockerText} ("production performance") and the
 *       amounts, each formatted as "$2,000,000 per year": {@code impactText},
 *       {@code buildCostText}, {@code maintenanceText}, {@code thirdPartyText}</li>
 *   <li>{@code agenda}: an ML Review's items (item, kind, outcome, decision, rationale, votes,
 *       itemUrl) from its {@code meetingRecord}</li>
 * </ul>
 */
@Component
class MailFacts {

  /** A subject stays readable in an inbox list: longer titles are cut, the key always shows. */
  static final int SUBJECT_TITLE_LENGTH = 80;

  private final PublicLinks links;

  MailFacts(PublicLinks links) {
    this.links = links;
  }

  /** The template model: the step's variables and the facts derived from them. */
  Map<String, Object> model(String businessKey, String processDefinitionKey, String processInstanceId,
                            Map<String, Object> variables) {
    Map<String, Object> model = new HashMap<>(variables);
    model.put("businessKey", businessKey);
    String title = text(firstOf(variables, "title", "itemTitle", "deploymentName"));
    model.put("item", name(title, businessKey));
    model.put("itemShort", name(abbreviate(title), businessKey));
    String kind = kind(variables.get("itemKind") != null ? variables.get("itemKind") : processDefinitionKey);
    model.put("itemKind", kind);
    if (kind.equals("ML proposal") && variables.get("proposer") instanceof String proposer) {
      model.put("byline", "proposed by " + proposer);
    } else if (variables.get("submittedBy") instanceof String submitter) {
      model.put("byline", "submitted by " + submitter);
    }
    model.put("tasklistUrl", links.tasklist());
    model.put("processUrl", links.cockpitProcessInstance(processInstanceId));
    if (businessKey != null) {
      model.put("itemUrl", links.item(businessKey));
    }
    if (variables.get("taskId") instanceof String taskId) {
      model.put("taskUrl", links.task(taskId));
    }
    if (variables.get("councilDecision") instanceof String decision) {
      CouncilVote.Decision known = decisionOf(decision);
      model.put("decisionText", known == null ? decision : known.label());
      model.put("decisionVerb", verb(known, decision));
    }
    model.put("votes", votes(variables.get("councilVotes")));
    model.put("reviews", reviews(variables.get("podReviews")));
    if (variables.get("meetingRecord") instanceof Map<?, ?> meeting) {
      model.put("agenda", agenda(meeting.get("items")));
    }
    if (variables.get("pod") instanceof String pod && !pod.isBlank()) {
      model.put("podName", Character.toUpperCase(pod.charAt(0)) + pod.substring(1) + " pod");
    }
    if (variables.get("biggestBlocker") instanceof String blocker) {
      Blocker known = Blocker.of(blocker);
      model.put("blockerText", known == null ? blocker : known.label());
    }
    putAmount(model, "impactText", variables.get("estimatedAnnualImpact"), true);
    putAmount(model, "buildCostText", variables.get("buildCost"), false);
    putAmount(model, "maintenanceText", variables.get("yearlyMaintenanceCost"), true);
    if (Boolean.TRUE.equals(variables.get("thirdPartyOptionExists"))) {
      putAmount(model, "thirdPartyText", variables.get("thirdPartyYearlyCost"), true);
    }
    return model;
  }

  /** An amount as every mail writes it: {@code $2,000,000} or {@code $2,000,000 per year}. */
  static String amount(Number value, boolean perYear) {
    return perYear ? Amounts.usdPerYear(value.doubleValue()) : Amounts.usd(value.doubleValue());
  }

  /**
   * Intake keeps amounts as the forms show them ("$2,000,000"); instances started before that
   * hold numbers. Either way the mail writes the amount one way.
   */
  private static void putAmount(Map<String, Object> model, String name, Object value, boolean perYear) {
    Optional<? extends Number> amount = value instanceof Number number ? Optional.of(number)
        : value instanceof String typed ? Amounts.parse(typed) : Optional.empty();
    amount.ifPresent(number -> model.put(name, amount(number, perYear)));
  }

  /** What people call a kind of item, from the kind a process records or the process's key. */
  static String kind(Object itemKind) {
    String kind = text(itemKind);
    return switch (kind) {
      case "proposal", "ml-proposal" -> "ML proposal";
      case "job-description-review" -> "job description";
      case "technology-decision" -> "technology decision";
      case "deployment-review" -> "process deployment";
      case "council-review", "ml-review-meeting", "platform-mail-check", "council-rotation" -> "";
      default -> kind;
    };
  }

  private static String verb(CouncilVote.Decision decision, String raw) {
    if (decision == null) {
      return "decided (" + raw + ") on";
    }
    return switch (decision) {
      case APPROVED -> "approved";
      case REJECTED -> "rejected";
      case CHANGES_REQUESTED -> "asked for changes to";
      case RECOMMEND_BUYING -> "recommends buying rather than building";
    };
  }

  private static CouncilVote.Decision decisionOf(String processValue) {
    for (CouncilVote.Decision decision : CouncilVote.Decision.values()) {
      if (decision.processValue().equals(processValue)) {
        return decision;
      }
    }
    return CouncilVote.Decision.of(processValue);
  }

  private static List<Map<String, Object>> votes(Object stored) {
    List<Map<String, Object>> votes = new ArrayList<>();
    for (Map<?, ?> vote : maps(stored)) {
      CouncilVote.Decision decision = CouncilVote.Decision.of(vote.get("vote"));
      votes.add(entry("voter", text(vote.get("voter")),
          "vote", decision == null ? text(vote.get("vote")) : decision.label(), "comment", text(vote.get("comment"))));
    }
    return votes;
  }

  /** The ML Review's items as the notes list them, each with its labels and its page. */
  private List<Map<String, Object>> agenda(Object stored) {
    List<Map<String, Object>> agenda = new ArrayList<>();
    for (Map<?, ?> item : maps(stored)) {
      String itemId = text(item.get("itemId"));
      CouncilVote.Decision decision = decisionOf(text(item.get("decision")));
      Map<String, Object> entry = entry("item", name(text(item.get("title")), itemId),
          "kind", kind(item.get("kind")), "outcome", text(item.get("outcome")),
          "decision", decision == null ? text(item.get("decision")) : decision.label(),
          "rationale", text(item.get("rationale")), "itemUrl", itemId.isBlank() ? "" : links.item(itemId));
      entry.put("votes", votes(item.get("votes")));
      entry.put("withoutQuorumBecause", text(item.get("decidedWithoutQuorumBecause")));
      agenda.add(entry);
    }
    return agenda;
  }

  private static List<Map<String, Object>> reviews(Object stored) {
    List<Map<String, Object>> reviews = new ArrayList<>();
    for (Map<?, ?> review : maps(stored)) {
      PodReview.Decision decision = PodReview.Decision.of(review.get("decision"));
      reviews.add(entry("lead", PodLead.describe(text(review.get("group"))) + " (" + text(review.get("reviewer")) + ")",
          "decision", decision == null ? text(review.get("decision")).toLowerCase(Locale.ROOT) : decision.label(),
          "comment", text(review.get("comment"))));
    }
    return reviews;
  }

  private static List<Map<?, ?>> maps(Object stored) {
    List<Map<?, ?>> maps = new ArrayList<>();
    if (stored instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).forEach(element -> maps.add((Map<?, ?>) element));
    }
    return maps;
  }

  private static Map<String, Object> entry(String... keysAndValues) {
    Map<String, Object> entry = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entry.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return entry;
  }

  private static String name(String title, String businessKey) {
    if (businessKey == null || businessKey.isBlank()) {
      return title;
    }
    return title.isBlank() ? businessKey : title + " (" + businessKey + ")";
  }

  private static String abbreviate(String title) {
    String oneLine = title.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= SUBJECT_TITLE_LENGTH ? oneLine : oneLine.substring(0, SUBJECT_TITLE_LENGTH - 1) + "…";
  }

  private static Object firstOf(Map<String, Object> variables, String... names) {
    for (String name : names) {
      if (variables.get(name) instanceof String value && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
