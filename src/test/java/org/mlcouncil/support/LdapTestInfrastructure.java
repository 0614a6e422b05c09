package org.mlcouncil.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The company directory behind the LDAP integration tests: UnboundID's in-memory directory
 * server, a real LDAP server on a loopback socket, seeded from {@code ldap/organisation.ldif},
 * one per JVM. The context it configures has a database of its own on the shared PostgreSQL
 * server, and an engine named {@value #ENGINE}: Camunda registers engines by name in one table
 * per JVM, which the REST API and the webapps look them up in, so the suite's engine keeps
 * {@code default}.
 */
public class LdapTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String ENGINE = "ldap";
  public static final String BASE_DN = "dc=mlcouncil,dc=example";
  public static final String PASSWORD = "Directory-Pass-1";
  private static InMemoryDirectoryServer directory;
  private static int port;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    startDirectory();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ldap-test-infrastructure", Map.of(
        "spring.datasource.url", TestInfrastructure.createDatabase("mlcouncil_ldap"),
        "camunda.bpm.process-engine-name", ENGINE,
        "mlcouncil.ldap.url", "ldap://127.0.0.1:" + port,
        "mlcouncil.ldap.manager-dn", "cn=camunda,ou=services," + BASE_DN,
        "mlcouncil.ldap.manager-password", "Bind-Secret-7",
        "mlcouncil.ldap.base-dn", BASE_DN,
        "mlcouncil.ldap.group-mapping", "cn=ai-council,ou=groups," + BASE_DN + " -> ml-council")));
  }

  /** Starts the directory, once, or again on the same port after {@link #stopDirectory()}. */
  public static synchronized void startDirectory() {
    try {
      if (directory == null) {
        port = freePort();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
            port, null));
        directory = new InMemoryDirectoryServer(config);
        directory.importFromLDIF(true, LdapTestInfrastructure.class.getResource("/ldap/organisation.ldif").getPath());
      }
      directory.startListening();
    } catch (LDAPException e) {
      throw new IllegalStateException("Cannot start the in-memory directory", e);
    }
  }

  /** Where the directory listens, e.g. for the packaged app in a JVM of its own. */
  public static synchronized String url() {
    startDirectory();
    return "ldap://127.0.0.1:" + port;
  }

  /** A directory outage: connections are cut and nothing listens until {@link #startDirectory()}. */
  public static synchronized void stopDirectory() {
    directory.shutDown(true);
  }

  /** The running directory, to change memberships as a directory administrator does. */
  public static synchronized InMemoryDirectoryServer directory() {
    return directory;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
