package org.mlcouncil.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the people a process names into mail addresses. An entry is a user id, a group as
 * {@code group:<id>} (all its members), or a plain address for someone outside the directory.
 */
@Component
public class Recipients {

  public static final String GROUP_PREFIX = "group:";
  private static final Logger log = LoggerFactory.getLogger(Recipients.class);

  private final IdentityService identityService;

  public Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static String group(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  /** Distinct addresses in the order first named; people without an address are logged and skipped. */
  public Set<String> addressesOf(Collection<String> entries) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String raw : entries) {
      String entry = raw == null ? "" : raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith(GROUP_PREFIX)) {
        identityService.createUserQuery().memberOfGroup(entry.substring(GROUP_PREFIX.length())).list()
            .forEach(user -> add(addresses, user));
      } else if (entry.contains("@")) {
        addresses.add(entry);
      } else {
        User user = identityService.createUserQuery().userId(entry).singleResult();
        if (user == null) {
          log.warn("No user '{}' in the directory: no mail for them", entry);
        } else {
          add(addresses, user);
        }
      }
    }
    return addresses;
  }

  private static void add(Set<String> addresses, User user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      log.warn("User '{}' has no e-mail address: no mail for them", user.getId());
    } else {
      addresses.add(user.getEmail());
    }
  }
}
