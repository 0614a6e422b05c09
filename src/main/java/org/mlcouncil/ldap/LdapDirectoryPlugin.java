package org.mlcouncil.ldap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Makes the company directory the engine's user store when {@code mlcouncil.ldap.url} is set,
 * through Camunda's LDAP identity provider ({@code camunda-identity-ldap}), with the platform's
 * group names ({@link GroupMapping}) and optional StartTLS. The directory is read-only to the
 * platform: users, passwords, addresses and memberships are kept there.
 */
@Component
@ConditionalOnExpression("'${mlcouncil.ldap.url:}' != ''")
public class LdapDirectoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectoryPlugin.class);

  private final LdapProperties properties;

  public LdapDirectoryPlugin(LdapProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LdapConfiguration ldap = configuration(properties);
    GroupMapping mapping = properties.mapping();
    StartTls tls = properties.startTls() ? StartTls.trusting(properties.trustStore(), properties.trustStorePassword()) : null;
    LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
      @Override
      public Session openSession() {
        return new MappedLdapSession(ldap, mapping, tls);
      }
    };
    factory.setLdapConfiguration(ldap);
    configuration.setIdentityProviderSessionFactory(factory);
    log.info("Users and groups come from the directory at {} (base {}{})", properties.url(), properties.baseDn(),
        properties.startTls() ? ", StartTLS" : "");
  }

  static LdapConfiguration configuration(LdapProperties properties) {
    LdapConfiguration ldap = new LdapConfiguration();
    ldap.setServerUrl(properties.url());
    ldap.setUseSsl(properties.url().startsWith("ldaps:"));
    ldap.setManagerDn(nonNull(properties.managerDn()));
    ldap.setManagerPassword(nonNull(properties.managerPassword()));
    ldap.setBaseDn(nonNull(properties.baseDn()));
    ldap.setUserSearchBase(nonNull(properties.userSearchBase()));
    ldap.setUserSearchFilter(properties.userSearchFilter());
    ldap.setUserIdAttribute(properties.userIdAttribute());
    ldap.setUserFirstnameAttribute(properties.userFirstnameAttribute());
    ldap.setUserLastnameAttribute(properties.userLastnameAttribute());
    ldap.setUserEmailAttribute(properties.userEmailAttribute());
    ldap.setGroupSearchBase(nonNull(properties.groupSearchBase()));
    ldap.setGroupSearchFilter(properties.groupSearchFilter());
    ldap.setGroupIdAttribute(properties.groupIdAttribute());
    ldap.setGroupNameAttribute(properties.groupNameAttribute());
    ldap.setGroupMemberAttribute(properties.groupMemberAttribute());
    return ldap;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
