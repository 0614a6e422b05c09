package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlcouncil.platform.PublicLinks;

/**
 * Every mail template rendered with hostile and long values, as the mail worker renders it: the
 * subject and first line name the item, labels and amounts read as people say them, HTML shows
 * what users typed as text, and the mail links to the item or the task, on the public base URL.
 */
class EveryMailTest {

  private static final String KEY = "MLP-2026-0007";
  private static final String BASE = "https://council.example.org";
  // Line breaks in a title are refused at submission (IntegrityGuard); MailTemplatesTest covers them in subjects.
  private static final String HOSTILE = "<script>alert('x')</script> & \"Smarter\" ETA {{title}} Bcc: victim@example.org";
  private static final String TITLE = HOSTILE + " " + "x".repeat(180);
  /** The title as a subject shows it: one line, cut. */
  private static final String SUBJECT_TITLE = HOSTILE.replaceAll("\\s+", " ").trim();
  private static final String ITEM_PAGE = BASE + "/register/items/" + KEY;
  private static final String TASK_PAGE = BASE + "/camunda/app/tasklist/default/#/?task=task-42";
  private static final String COCKPIT = BASE + "/camunda/app/cockpit/default/#/process-instance/instance-1";

  private static final List<String> NOT_ABOUT_AN_ITEM =
      List.of("meeting-notes", "council-rotated", "platform-mail-check", "welcome");

  private final MailTemplates templates = new MailTemplates();
  private final MailFacts facts = new MailFacts(new PublicLinks(BASE + "/"));

  /**
   * @param process the process whose mail step uses the template
   * @param firstLine how the body begins
   * @param link where the mail leads
   * @param labels texts the mail must show in people's words
   */
  record Expected(String template, String process, String firstLine, String link, List<String> labels) {
  }

  static Stream<Arguments> everyTemplate() {
    return Stream.of(
        new Expected("proposal-received", "ml-proposal", "Your ML proposal " + HOSTILE, ITEM_PAGE,
            List.of("Pod: Search pod", "Estimated impact: $2,000,000 per year",
                "Cost: $300,000 to build, $50,000 per year to run", "Third-party option: $120,000 per year",
                "Biggest blocker: production performance")),
        new Expected("item-received", "job-description-review", "Your job description " + HOSTILE, ITEM_PAGE,
            List.of()),
        new Expected("amendment-requested", "task-notification", "Changes requested: your ML proposal " + HOSTILE, TASK_PAGE,
            List.of("Why it came back:", "The task \"Amend proposal\" is waiting for you")),
        new Expected("council-decision", "ml-proposal", "The ML Council asked for changes to " + HOSTILE, ITEM_PAGE,
            List.of(", proposed by paul.", "Decision: changes requested", "marcus: changes requested – " + HOSTILE,
                "clara: approved", "Estimated impact: $2,000,000 per year")),
        new Expected("proposal-rejected", "ml-proposal", "The Search pod leads rejected the ML proposal " + HOSTILE,
            ITEM_PAGE, List.of("Search pod — engineering manager (sam): changes requested – " + HOSTILE,
                "Search pod — product manager (sarah): rejected")),
        new Expected("proposal-withdrawn", "ml-proposal", "The ML proposal " + HOSTILE, ITEM_PAGE,
            List.of("withdrawn by paul")),
        new Expected("pod-review-reminder", "ml-proposal", "The ML proposal " + HOSTILE, ITEM_PAGE,
            List.of("as one of the Search pod leads", "Estimated impact: $2,000,000 per year")),
        new Expected("pod-review-escalation", "ml-proposal", "The Search pod leads' review of the ML proposal " + HOSTILE,
            ITEM_PAGE, List.of("Search pod — engineering manager (sam): changes requested")),
        new Expected("vote-reminder", "council-review", "The ML Council has not received your vote on the ML proposal "
            + HOSTILE, ITEM_PAGE, List.of()),
        new Expected("tie-break-reminder", "council-review", "The council did not agree on the ML proposal " + HOSTILE,
            ITEM_PAGE, List.of()),
        new Expected("task-created", "task-notification", "A new task is waiting for you or your group: Review proposal, "
            + "for the ML proposal " + HOSTILE, TASK_PAGE, List.of("Task: Review proposal")),
        new Expected("meeting-notes", "ml-review-meeting", "The notes of ML Review MLR-2026-0003, chaired by clara.",
            ITEM_PAGE, List.of(HOSTILE, "Outcome: decided, decision: changes requested",
                "Decided without quorum, because: " + HOSTILE,
                "marcus: changes requested – " + HOSTILE)),
        new Expected("deployment-received", "deployment-review", "Your deployment " + HOSTILE, COCKPIT, List.of()),
        new Expected("deployment-approved", "deployment-review", "Your deployment " + HOSTILE, COCKPIT,
            List.of("approved by oscar")),
        new Expected("deployment-rejected", "deployment-review", "Your deployment " + HOSTILE, COCKPIT,
            List.of("rejected by oscar")),
        new Expected("council-rotated", "council-rotation", "The ML Council has rotated (" + KEY + "): priya",
            BASE + "/camunda/app/tasklist/default/", List.of()),
        new Expected("platform-mail-check", "platform-mail-check", "This is a test mail (" + KEY + ")", null, List.of()),
        // The one-time link is added by AccountActivation when the mail is composed (AccountActivationIT).
        new Expected("welcome", "welcome-user", "Hello " + HOSTILE, BASE + "/camunda/app/tasklist/default/",
            List.of("user id " + HOSTILE))
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyTemplate")
  void namesTheItemSpeaksInLabelsAndLinksToIt(Expected expected) {
    RenderedMail mail = templates.render(expected.template(), model(expected));

    assertThat(mail.subject()).startsWith("[ML Council] ").doesNotContain("\r", "\n");
    if (!expected.template().equals("welcome")) {
      assertThat(mail.subject()).contains(businessKey(expected));
      assertThat(mail.subject().indexOf(businessKey(expected))).as("the key once")
          .isEqualTo(mail.subject().lastIndexOf(businessKey(expected)));
    }
    if (!NOT_ABOUT_AN_ITEM.contains(expected.template())) {
      assertThat(mail.subject()).as("the title, on one line and cut").contains(SUBJECT_TITLE)
          .endsWith("… (" + KEY + ")" + (expected.template().equals("council-decision") ? ": changes requested"
              : expected.template().equals("tie-break-reminder") ? " is waiting"
              : expected.template().startsWith("pod-review-escalation") ? " is overdue" : ""));
      assertThat(mail.subject().length()).isLessThan(200);
    }
    String firstLine = mail.text().lines().findFirst().orElseThrow();
    assertThat(firstLine).startsWith(expected.firstLine());
    if (!NOT_ABOUT_AN_ITEM.contains(expected.template())) {
      assertThat(firstLine).as("the whole title and the key").contains(TITLE.strip() + " (" + KEY + ")");
    }
    if (!expected.labels().isEmpty()) {
      assertThat(mail.text()).contains(expected.labels());
    }
    assertThat(mail.text().replace(HOSTILE, "")).doesNotContain("{{", "request-changes", "REQUEST_CHANGES", "CHANGES_REQUESTED",
        "pod-search-", "production-performance", "2000000", "2.0E6");
    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    if (expected.link() != null) {
      assertThat(mail.text()).contains(expected.link());
      assertThat(mail.html()).contains("href=\"" + expected.link() + "\"");
    }
    assertThat(mail.text() + mail.html()).doesNotContain("localhost");
  }

  @Test
  void everyTemplateOnTheClasspathIsCovered() throws IOException {
    List<String> covered = everyTemplate().map(arguments -> ((Expected) arguments.get()[0]).template()).toList();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt"))
          .map(name -> name.substring(0, name.length() - 4))).containsExactlyInAnyOrderElementsOf(covered);
    }
  }

  @Test
  void amountsReadTheSameEverywhere() {
    assertThat(MailFacts.amount(2_000_000, true)).isEqualTo("$2,000,000 per year");
    assertThat(MailFacts.amount(300_000.0, false)).isEqualTo("$300,000");
    assertThat(MailFacts.amount(1234.5, false)).isEqualTo("$1,234.50");
  }

  private Map<String, Object> model(Expected expected) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", TITLE);
    variables.put("itemTitle", TITLE);
    variables.put("deploymentName", TITLE);
    variables.put("proposer", "paul");
    variables.put("submittedBy", "priya");
    variables.put("technicalLead", "priya");
    variables.put("pod", "search");
    // As intake keeps them; amountsReadTheSameEverywhere covers the numbers older instances hold.
    variables.put("estimatedAnnualImpact", "$2,000,000");
    variables.put("buildCost", "$300,000");
    variables.put("yearlyMaintenanceCost", "$50,000");
    variables.put("thirdPartyOptionExists", true);
    variables.put("thirdPartyYearlyCost", "$120,000");
    variables.put("biggestBlocker", "production-performance");
    variables.put("councilDecision", "changes-requested");
    variables.put("councilRationale", HOSTILE);
    variables.put("councilVotes", votes());
    variables.put("podReviews", List.of(
        Map.of("group", "pod-search-em", "reviewer", "sam", "decision", "REQUEST_CHANGES", "comment", HOSTILE),
        Map.of("group", "pod-search-pm", "reviewer", "sarah", "decision", "REJECT", "comment", "")));
    variables.put("amendmentReasons", "- " + HOSTILE);
    variables.put("withdrawnBy", "paul");
    variables.put("withdrawalReason", HOSTILE);
    variables.put("reviewer", "oscar");
    variables.put("reviewComment", HOSTILE);
    variables.put("changeSummary", HOSTILE);
    variables.put("deploymentId", "deployment-1");
    variables.put("nominatedChair", "priya");
    variables.put("newMembers", "priya, " + HOSTILE);
    variables.put("initiator", HOSTILE);
    variables.put("meetingId", "MLR-2026-0003");
    variables.put("userId", HOSTILE);
    variables.put("firstName", HOSTILE);
    variables.put("meetingRecord", Map.of("meetingId", "MLR-2026-0003", "chair", "clara", "attendees", "clara, marcus",
        "chairNotes", HOSTILE, "items", List.of(Map.of("itemId", KEY, "kind", "proposal", "title", TITLE,
            "outcome", "decided", "decision", "changes-requested", "rationale", HOSTILE, "votes", votes(),
            "decidedWithoutQuorumBecause", HOSTILE))));
    if (expected.process().equals("task-notification")) {
      variables.put("taskId", "task-42");
      variables.put("taskName", expected.template().equals("task-created") ? "Review proposal" : "Amend proposal");
      variables.put("itemKind", "ml-proposal");
    }
    if (expected.process().equals("council-review")) {
      variables.put("itemKind", "proposal");
    }
    if (expected.process().equals("job-description-review")) {
      variables.put("itemKind", "job description");
    }
    return facts.model(businessKey(expected), expected.process(), "instance-1", variables);
  }

  private static String businessKey(Expected expected) {
    return expected.process().equals("ml-review-meeting") ? "MLR-2026-0003" : KEY;
  }

  private static List<Map<String, Object>> votes() {
    List<Map<String, Object>> votes = new ArrayList<>();
    votes.add(Map.of("voter", "marcus", "vote", "CHANGES_REQUESTED", "comment", HOSTILE));
    votes.add(Map.of("voter", "clara", "vote", "APPROVED", "comment", ""));
    return votes;
  }
}
