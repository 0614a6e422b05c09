package org.mlcouncil.proposal.screening;

import java.util.Set;

/** What screening needs to know about people: whether they exist and their groups (tracks). */
public interface PeopleDirectory {

  boolean exists(String userId);

  Set<String> groupsOf(String userId);
}
