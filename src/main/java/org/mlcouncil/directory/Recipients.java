package org.mlcouncil.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Turns the people a process names into mail addresses. An entry is a user id, a group as
 * {@code group:<id>} (all its members), or a plain address for someone outside the directory.
 */
@Component
public class Recipients {

  public static final String GROUP_PREFIX = "group:";

  private final IdentityService identityService;

  public Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static String group(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  /**
   * Where a mail goes.
   *
   * @param addresses distinct valid addresses, in the order first named
   * @param unreachable everyone named whom no mail can reach, each with the reason, e.g.
   *     {@code paul: 'bad)addr@evil.example' is not a valid e-mail address}
   */
  public record Resolved(Set<String> addresses, Set<String> unreachable) {
  }

  /**
   * The valid addresses of the entries, and who cannot be reached: an unknown user, a user
   * without an address, an address that is not valid (a directory filled before addresses were
   * checked, or by another tool) never stops the mail to the others.
   */
  public Resolved resolve(Collection<String> entries) {
    Resolved resolved = new Resolved(new LinkedHashSet<>(), new LinkedHashSet<>());
    for (String raw : entries) {
      String entry = raw == null ? "" : raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith(GROUP_PREFIX)) {
        identityService.createUserQuery().memberOfGroup(entry.substring(GROUP_PREFIX.length())).list()
            .forEach(user -> add(resolved, user));
      } else if (entry.contains("@")) {
        add(resolved, null, entry);
      } else {
        User user = identityService.createUserQuery().userId(entry).singleResult();
        if (user == null) {
          resolved.unreachable().add(entry + ": no such user in the directory");
        } else {
          add(resolved, user);
        }
      }
    }
    return resolved;
  }

  private static void add(Resolved resolved, User user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      resolved.unreachable().add(user.getId() + ": no e-mail address");
    } else {
      add(resolved, user.getId(), user.getEmail().trim());
    }
  }

  /** @param userId whose address it is; {@code null} for an address named directly */
  private static void add(Resolved resolved, String userId, String address) {
    if (MailAddresses.isValid(address)) {
      resolved.addresses().add(address);
    } else {
      resolved.unreachable().add((userId == null ? "" : userId + ": ") + "'" + address
          + "' is not a valid e-mail address");
    }
  }
}
