package org.mlcouncil.ldap;

import java.util.HashMap;
import java.util.Map;

/**
 * Which directory group stands for which platform group, both ways. A directory group without
 * an entry keeps its own id, so a directory whose groups already carry the platform's names
 * (ml-council, pod-search-pm, …) needs no mapping at all.
 */
public final class GroupMapping {

  private final Map<String, String> toPlatform = new HashMap<>();
  private final Map<String, String> toDirectory = new HashMap<>();

  /**
   * @param entries {@code <directory group> -> <platform group>; …}, the directory group by its id
   *     or by a DN whose first part names it ({@code cn=ai-council,ou=groups,… -> ml-council})
   * @throws IllegalArgumentException naming an entry that is no such pair, or a group mapped twice
   */
  public GroupMapping(String entries) {
    if (entries == null || entries.isBlank()) {
      return;
    }
    for (String entry : entries.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] sides = entry.split("->");
      if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
        throw new IllegalArgumentException("mlcouncil.ldap.group-mapping: '" + entry.strip()
            + "' is not '<directory group> -> <platform group>'");
      }
      String directory = idOf(sides[0].strip());
      String platform = sides[1].strip();
      if (toPlatform.put(directory, platform) != null || toDirectory.put(platform, directory) != null) {
        throw new IllegalArgumentException("mlcouncil.ldap.group-mapping: '" + entry.strip()
            + "' maps a group a second time");
      }
    }
  }

  public String toPlatform(String directoryGroupId) {
    return toPlatform.getOrDefault(directoryGroupId, directoryGroupId);
  }

  public String toDirectory(String platformGroupId) {
    return toDirectory.getOrDefault(platformGroupId, platformGroupId);
  }

  /** {@code cn=ai-council,ou=groups,dc=corp} → {@code ai-council}; an id stays as it is. */
  private static String idOf(String group) {
    int equals = group.indexOf('=');
    if (equals < 0) {
      return group;
    }
    int comma = group.indexOf(',');
    return group.substring(equals + 1, comma < 0 ? group.length() : comma).strip();
  }
}
