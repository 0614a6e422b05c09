package org.mlcouncil.proposal.screening;

import java.util.Optional;
import java.util.Set;

/** What screening needs to know about people: whether they exist and their groups (tracks). */
public interface PeopleDirectory {

  boolean exists(String userId);

  Set<String> groupsOf(String userId);

  /** The user id someone most likely meant by a mistyped one ({@code pual}: {@code paul}), if one is close. */
  Optional<String> closestTo(String typed);
}
