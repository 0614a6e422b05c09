package org.mlcouncil.proposal;

import static org.mlcouncil.submission.SubmittedValues.ABSURD_AMOUNT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.proposal.screening.PeopleDirectory;
import org.mlcouncil.submission.Amounts;
import org.mlcouncil.submission.SubmittedValues;
import org.mlcouncil.submission.Validated;

/**
 * The server-side rules of a proposal submission, the same as the start form's and then some
 * the form cannot check (known users, known pods, exactly one technical lead). Every bad field
 * is reported, each by name.
 */
public final class ProposalValidator {

  public static final int MAX_TITLE = 200;
  public static final int MAX_TEXT = TextLimits.STRING_VARIABLE;
  public static final int MAX_TEAM = 30;
  public static final int MAX_INTERESTED = 50;
  public static final Set<String> PLATFORM_COMPONENTS = Set.of(
      "feature-store", "training-pipelines", "model-serving", "experimentation", "monitoring", "data-quality");
  private static final String KIND = "proposal";

  private ProposalValidator() {
  }

  /**
   * @param emptyLeadGroups a known pod's lead groups nobody is a member of: a pod with any such group cannot
   *     review, and the proposal is refused rather than left waiting for a review nobody is asked for
   */
  public static Validated<Proposal> validate(Map<String, Object> variables, Set<String> knownPods,
                                             Function<String, List<String>> emptyLeadGroups,
                                             PeopleDirectory people) {
    SubmittedValues in = new SubmittedValues(variables);
    String title = in.text("title", MAX_TITLE, true);
    String pod = in.text("pod", 100, true);
    if (!pod.isEmpty() && !knownPods.contains(pod)) {
      in.error("pod", "'" + TextLimits.abbreviate(pod) + "' is not a known pod; choose one of " + String.join(", ", knownPods));
    } else if (!pod.isEmpty() && !emptyLeadGroups.apply(pod).isEmpty()) {
      in.error("pod", "the " + pod + " pod cannot review proposals yet: nobody is in "
          + String.join(", ", emptyLeadGroups.apply(pod)) + "; choose a pod whose leads can review it, or ask an "
          + "administrator to staff the pod");
    }
    String businessProblem = in.text("businessProblem", MAX_TEXT, true);
    String proposedSolution = in.text("proposedSolution", MAX_TEXT, true);
    Double impact = in.amount("estimatedAnnualImpact", ABSURD_AMOUNT);
    Double buildCost = in.amount("buildCost", ABSURD_AMOUNT);
    Double maintenance = in.amount("yearlyMaintenanceCost", ABSURD_AMOUNT);
    Double rulesShare = in.number("rulesImpactShare", 0, 100);
    Boolean thirdParty = in.bool("thirdPartyOptionExists");
    Double thirdPartyCost = Boolean.TRUE.equals(thirdParty) ? in.amount("thirdPartyYearlyCost", ABSURD_AMOUNT) : null;
    Boolean engineeringAlone = in.bool("engineeringCanBuildUnaided");
    String blockerText = in.text("biggestBlocker", 100, true);
    Blocker blocker = Blocker.of(blockerText);
    if (!blockerText.isEmpty() && blocker == null) {
      in.error("biggestBlocker", "must be production-performance or statistical-performance");
    }
    List<String> team = users(in, "team", MAX_TEAM, people);
    if (team.isEmpty() && in.errors().stream().noneMatch(e -> e.field().equals("team"))) {
      in.error("team", "name at least one team member");
    }
    String technicalLead = technicalLead(in, people);
    List<String> components = in.list("platformComponents").stream().filter(c -> !c.equals("none")).toList();
    components.stream().filter(c -> !PLATFORM_COMPONENTS.contains(c)).findFirst().ifPresent(c ->
        in.error("platformComponents", "'" + TextLimits.abbreviate(c) + "' is not a platform component; use " + String.join(", ",
            PLATFORM_COMPONENTS.stream().sorted().toList())));
    List<String> interested = in.peopleToInform("interestedPeople", MAX_INTERESTED, people::exists);

    return in.result(KIND, () -> new Proposal(title, pod, businessProblem, proposedSolution, impact, buildCost,
        maintenance, rulesShare, thirdParty, thirdPartyCost, engineeringAlone, blocker, team, technicalLead, components,
        interested));
  }

  /**
   * The values the process keeps: normalised, in the types the forms show and the checks read.
   * The platform components are a list, which the process stores as a JSON value for the forms.
   */
  public static Map<String, Object> variables(Proposal proposal) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("title", proposal.title());
    variables.put("pod", proposal.pod());
    variables.put("businessProblem", proposal.businessProblem());
    variables.put("proposedSolution", proposal.proposedSolution());
    // Amounts as the forms show them and take them back ("$2,000,000"), never a bare number to misread.
    variables.put("estimatedAnnualImpact", Amounts.usd(proposal.estimatedAnnualImpact()));
    variables.put("buildCost", Amounts.usd(proposal.buildCost()));
    variables.put("yearlyMaintenanceCost", Amounts.usd(proposal.yearlyMaintenanceCost()));
    variables.put("rulesImpactShare", proposal.rulesImpactShare());
    variables.put("thirdPartyOptionExists", proposal.thirdPartyOptionExists());
    variables.put("thirdPartyYearlyCost",
        proposal.thirdPartyYearlyCost() == null ? null : Amounts.usd(proposal.thirdPartyYearlyCost()));
    variables.put("impactAndCost", impactAndCost(proposal));
    variables.put("engineeringCanBuildUnaided", proposal.engineeringCanBuildUnaided());
    variables.put("biggestBlocker", proposal.biggestBlocker().value());
    // Text for the forms, which edit the team as one field; lists for the process.
    variables.put("team", String.join(", ", proposal.team()));
    variables.put("teamMembers", new ArrayList<>(proposal.team()));
    variables.put("technicalLead", proposal.technicalLead());
    variables.put("interestedPeople", String.join(", ", proposal.interestedPeople()));
    return variables;
  }

  /** The proposal's amounts in one line, as every later form and the council's summary show them. */
  public static String impactAndCost(Proposal proposal) {
    return "Impact " + Amounts.usdPerYear(proposal.estimatedAnnualImpact()) + "; build "
        + Amounts.usd(proposal.buildCost()) + "; maintenance " + Amounts.usdPerYear(proposal.yearlyMaintenanceCost())
        + "; third-party option: " + (proposal.thirdPartyOptionExists()
        ? Amounts.usdPerYear(proposal.thirdPartyYearlyCost()) : "none known");
  }

  private static List<String> users(SubmittedValues in, String field, int max, PeopleDirectory people) {
    List<String> users = in.list(field);
    if (users.size() > max) {
      in.error(field, "name at most " + max + " people (got " + users.size() + ")");
      return users;
    }
    for (String user : users) {
      if (!SubmittedValues.isKnownUser(user, people::exists)) {
        in.error(field, unknownUser(user, people));
      }
    }
    return users;
  }

  /** {@code 'pual' is not a known user — did you mean paul?} */
  private static String unknownUser(String user, PeopleDirectory people) {
    return "'" + TextLimits.abbreviate(user) + "' is not a known user"
        + people.closestTo(user).map(meant -> " — did you mean " + meant + "?").orElse("");
  }

  private static String technicalLead(SubmittedValues in, PeopleDirectory people) {
    List<String> leads = in.list("technicalLead");
    if (leads.isEmpty()) {
      if (in.errors().stream().anyMatch(error -> error.field().equals("technicalLead"))) {
        return null;
      }
      in.error("technicalLead", "is required: name the single person accountable for technical decisions");
      return null;
    }
    if (leads.size() > 1) {
      in.error("technicalLead", "name exactly one technical lead (got "
          + TextLimits.abbreviate(String.join(", ", leads)) + ")");
      return null;
    }
    String lead = leads.get(0);
    if (!SubmittedValues.isKnownUser(lead, people::exists)) {
      in.error("technicalLead", unknownUser(lead, people));
    }
    return lead;
  }
}
