package org.mlcouncil.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mlcouncil.directory.Groups;
import org.mlcouncil.platform.TextLimits;

/**
 * The charter's rules for a council: led by a chair who is a member, senior practitioners from
 * engineering, data science and infrastructure, and large enough to be a council.
 */
public final class CouncilComposition {

  private static final List<String> TRACKS = List.of(Groups.ML_ENGINEERS, Groups.DATA_SCIENTISTS, Groups.ML_INFRA);

  private CouncilComposition() {
  }

  /** Everything wrong with a nomination, in words the nominator can act on; empty when it is sound. */
  public static List<String> problems(List<String> members, String chair, int minMembers,
                                      Predicate<String> userExists, Function<String, Set<String>> groupsOf) {
    List<String> problems = new ArrayList<>();
    members.stream().filter(member -> !userExists.test(member))
        .forEach(member -> problems.add("'" + TextLimits.abbreviate(member) + "' is not a known user."));
    if (chair == null || chair.isBlank()) {
      problems.add("Name the chair.");
    } else if (!members.contains(chair)) {
      problems.add("The chair " + TextLimits.abbreviate(chair) + " must also be a member of the council.");
    }
    if (members.size() < minMembers) {
      problems.add("The council needs at least " + minMembers + " members (got " + members.size() + ").");
    }
    for (String track : TRACKS) {
      if (members.stream().filter(userExists).noneMatch(member -> groupsOf.apply(member).contains(track))) {
        problems.add("Nobody from " + track + " is on the council; the charter wants engineering, data science "
            + "and infrastructure represented.");
      }
    }
    return problems;
  }
}
