package org.mlcouncil.proposal.screening;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The people screening asks about, from Camunda's identity service. */
@Component
public class IdentityPeopleDirectory implements PeopleDirectory {

  private final IdentityService identityService;

  public IdentityPeopleDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() == 1;
  }

  /** At most two letters off, ignoring case; asked only when a submission names someone unknown. */
  @Override
  public Optional<String> closestTo(String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    return identityService.createUserQuery().list().stream().map(User::getId)
        .filter(id -> distance(lower, id.toLowerCase(Locale.ROOT)) <= 2)
        .min(Comparator.comparingInt((String id) -> distance(lower, id.toLowerCase(Locale.ROOT))).thenComparing(id -> id));
  }

  /** Edits (insert, delete, replace, swap two neighbours) from one text to the other. */
  static int distance(String from, String to) {
    int[][] edits = new int[from.length() + 1][to.length() + 1];
    for (int i = 0; i <= from.length(); i++) {
      for (int j = 0; j <= to.length(); j++) {
        if (i == 0 || j == 0) {
          edits[i][j] = i + j;
          continue;
        }
        int cost = from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1;
        edits[i][j] = Math.min(Math.min(edits[i - 1][j] + 1, edits[i][j - 1] + 1), edits[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && from.charAt(i - 1) == to.charAt(j - 2) && from.charAt(i - 2) == to.charAt(j - 1)) {
          edits[i][j] = Math.min(edits[i][j], edits[i - 2][j - 2] + 1);
        }
      }
    }
    return edits[from.length()][to.length()];
  }

  @Override
  public Set<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }
}
