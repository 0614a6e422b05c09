package org.mlcouncil.technology;

import static org.mlcouncil.submission.SubmittedValues.ABSURD_AMOUNT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlcouncil.platform.TextLimits;
import org.mlcouncil.submission.Amounts;
import org.mlcouncil.submission.SubmittedValues;
import org.mlcouncil.submission.Validated;

/**
 * The server-side rules of a technology decision: two or three costed options (fixed fields
 * {@code option<n>Name} and {@code option<n>YearlyCost}, the third optional), a recommendation and
 * which option it is.
 */
public final class TechnologyDecisionValidator {

  public static final String KIND = "technology decision";
  public static final int MAX_NAME = 200;
  public static final int MAX_TEXT = TextLimits.STRING_VARIABLE;
  public static final int MAX_OPTIONS = 3;
  private static final int REQUIRED_OPTIONS = 2;

  private TechnologyDecisionValidator() {
  }

  public static Validated<TechnologyDecision> validate(Map<String, Object> variables) {
    SubmittedValues in = new SubmittedValues(variables);
    String component = in.text("component", MAX_NAME, true);
    String problem = in.text("problem", MAX_TEXT, true);
    List<CostedOption> options = options(in);
    String recommendation = in.choice("recommendation", Recommendation.submittable());
    String recommended = in.choice("recommendedOption", List.of("1", "2", "3"));
    if (recommended.equals("3") && !in.has(nameOf(3))) {
      in.error("recommendedOption", "option 3 is empty: recommend option 1 or 2, or describe option 3");
    }
    String risks = in.text("risks", MAX_TEXT, true);
    return in.result(KIND, () -> new TechnologyDecision(component, problem, options,
        Recommendation.of(recommendation), Integer.parseInt(recommended), risks));
  }

  /** The values the process keeps, under the names the forms use; an unused option 3 stays empty. */
  public static Map<String, Object> variables(TechnologyDecision decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("component", decision.component());
    variables.put("problem", decision.problem());
    for (int number = 1; number <= MAX_OPTIONS; number++) {
      Optional<CostedOption> option = decision.option(number);
      variables.put(nameOf(number), option.map(CostedOption::name).orElse(null));
      // As the forms show and take it back: "$120,000".
      variables.put(costOf(number), option.map(CostedOption::yearlyCost).map(Amounts::usd).orElse(null));
    }
    variables.put("recommendation", decision.recommendation().value());
    variables.put("recommendedOption", String.valueOf(decision.recommendedOption()));
    variables.put("risks", decision.risks());
    return variables;
  }

  private static List<CostedOption> options(SubmittedValues in) {
    List<CostedOption> options = new ArrayList<>();
    for (int number = 1; number <= MAX_OPTIONS; number++) {
      if (number > REQUIRED_OPTIONS && !in.has(nameOf(number))) {
        if (in.has(costOf(number))) {
          in.error(nameOf(number), "is required when option " + number + " has a yearly cost");
        }
        continue;
      }
      String name = in.text(nameOf(number), MAX_NAME, true);
      Double cost = in.amount(costOf(number), ABSURD_AMOUNT);
      if (!name.isEmpty() && cost != null) {
        options.add(new CostedOption(number, name, cost));
      }
    }
    return options;
  }

  private static String nameOf(int option) {
    return "option" + option + "Name";
  }

  private static String costOf(int option) {
    return "option" + option + "YearlyCost";
  }
}
