package org.mlcouncil.ldap;

import java.io.IOException;
import java.util.Hashtable;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.identity.impl.ldap.LdapAuthenticationException;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;

/**
 * Camunda's LDAP client over a connection that StartTLS upgrades before anyone binds, so no
 * password, the bind user's or a person's at login, crosses the network in clear. Camunda's
 * plugin knows only LDAPS ({@code ldaps://}); this is the JNDI way of StartTLS: connect without
 * credentials, negotiate TLS, then bind on the same connection.
 */
class StartTlsLdapClient extends LdapClient {

  private final StartTls tls;

  StartTlsLdapClient(LdapConfiguration configuration, StartTls tls) {
    super(configuration);
    this.tls = tls;
  }

  @Override
  public LdapContext openContext(String dn, String password) {
    Hashtable<String, String> environment = new Hashtable<>();
    environment.put(Context.INITIAL_CONTEXT_FACTORY, ldapConfiguration.getInitialContextFactory());
    environment.put(Context.PROVIDER_URL, ldapConfiguration.getServerUrl());
    environment.put(Context.SECURITY_AUTHENTICATION, "none");
    LdapContext context;
    try {
      context = new InitialLdapContext(environment, null);
    } catch (NamingException e) {
      throw new IdentityProviderException("Could not connect to LDAP server", e);
    }
    try {
      StartTlsResponse response = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
      response.negotiate(tls.sockets());
      context.addToEnvironment(Context.SECURITY_AUTHENTICATION, ldapConfiguration.getSecurityAuthentication());
      context.addToEnvironment(Context.SECURITY_PRINCIPAL, dn);
      context.addToEnvironment(Context.SECURITY_CREDENTIALS, password);
      // JNDI binds with the new credentials at the next operation: make it now, so a wrong
      // password is refused here, as Camunda's client refuses it when it opens a context.
      context.getAttributes("", new String[] {"1.1"});
      return context;
    } catch (AuthenticationException e) {
      close(context);
      throw new LdapAuthenticationException("Could not authenticate with LDAP server", e);
    } catch (NamingException | IOException e) {
      close(context);
      throw new IdentityProviderException("Could not start TLS with LDAP server", e);
    }
  }

  private static void close(LdapContext context) {
    try {
      context.close();
    } catch (NamingException ignored) {
      // closing a context that failed: nothing more to do
    }
  }
}
