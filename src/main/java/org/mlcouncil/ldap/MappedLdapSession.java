package org.mlcouncil.ldap;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;

/**
 * Camunda's LDAP session, speaking the platform's group ids: a group read from the directory
 * gets its platform id ({@link GroupMapping}), and a query by platform id asks the directory for
 * the group's own. Membership lookups (a user's groups, a group's members) go through these two
 * places, so the engine, Tasklist and the authorizations see only platform ids.
 */
class MappedLdapSession extends LdapIdentityProviderSession {

  private final GroupMapping mapping;

  /** @param startTls the TLS to start before binding; {@code null}: none (plain LDAP or LDAPS) */
  MappedLdapSession(LdapConfiguration configuration, GroupMapping mapping, StartTls startTls) {
    super(configuration);
    this.mapping = mapping;
    if (startTls != null) {
      this.ldapClient = new StartTlsLdapClient(configuration, startTls);
    }
  }

  @Override
  protected GroupEntity transformGroup(SearchResult result) {
    GroupEntity group = super.transformGroup(result);
    group.setId(mapping.toPlatform(group.getId()));
    return group;
  }

  /**
   * Only groups whose platform id was asked for: a query for a mapped group's directory id
   * ({@code ai-council}) finds the directory entry, which is the platform's {@code ml-council}.
   */
  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    Set<String> asked = new HashSet<>();
    if (query.getId() != null) {
      asked.add(query.getId());
    }
    if (query.getIds() != null) {
      asked.addAll(Arrays.asList(query.getIds()));
    }
    List<Group> found = super.findGroupByQueryCriteria(query);
    return asked.isEmpty() ? found : found.stream().filter(group -> asked.contains(group.getId())).toList();
  }

  @Override
  public long findGroupCountByQueryCriteria(LdapGroupQuery query) {
    return findGroupByQueryCriteria(query).size();
  }

  @Override
  protected String getGroupSearchFilter(LdapGroupQuery query) {
    String id = query.getId();
    String[] ids = query.getIds();
    try {
      if (id != null) {
        query.groupId(mapping.toDirectory(id));
      }
      if (ids != null && ids.length > 0) {
        query.groupIdIn(Arrays.stream(ids).map(mapping::toDirectory).toArray(String[]::new));
      }
      return super.getGroupSearchFilter(query);
    } finally {
      // The query may run again (a count, then the list): it keeps the platform's ids.
      if (id != null) {
        query.groupId(id);
      }
      if (ids != null && ids.length > 0) {
        query.groupIdIn(ids);
      }
    }
  }
}
