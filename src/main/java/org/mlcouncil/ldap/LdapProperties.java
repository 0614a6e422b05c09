package org.mlcouncil.ldap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company directory as the platform's user store (README, Onboarding). Set {@code url} and
 * the directory is on: users, their addresses and their groups come from it, read-only; the
 * platform's authorizations stay in its database. Defaults suit OpenLDAP's {@code inetOrgPerson}
 * and {@code groupOfNames}; Active Directory needs the attributes named in the README.
 *
 * @param url {@code ldap://host:389} or {@code ldaps://host:636}; empty: no directory
 * @param managerDn the bind user the platform searches with, e.g. {@code cn=camunda,ou=services,dc=corp,dc=example}
 * @param startTls upgrade an {@code ldap://} connection with StartTLS before anyone binds
 * @param trustStore a PKCS12 trust store with the directory's CA for StartTLS; empty: the JVM's
 * @param groupMapping directory groups that carry other names than the platform's, as
 *     {@code <directory group> -> <platform group>} entries separated by {@code ;}, the directory
 *     group given by its id or its DN, e.g. {@code cn=ai-council,ou=groups,dc=corp -> ml-council}
 */
@ConfigurationProperties("mlcouncil.ldap")
public record LdapProperties(String url, String managerDn, String managerPassword, String baseDn,
                             String userSearchBase, String userSearchFilter, String userIdAttribute,
                             String userFirstnameAttribute, String userLastnameAttribute, String userEmailAttribute,
                             String groupSearchBase, String groupSearchFilter, String groupIdAttribute,
                             String groupNameAttribute, String groupMemberAttribute, boolean startTls,
                             String trustStore, String trustStorePassword, String groupMapping) {

  public GroupMapping mapping() {
    return new GroupMapping(groupMapping);
  }
}
