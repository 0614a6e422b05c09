package org.mlcouncil.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.naming.ldap.LdapContext;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.identity.impl.ldap.LdapAuthenticationException;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StartTLS against a real LDAP server (UnboundID's in-memory directory with a self-signed
 * certificate, on a loopback socket): the platform binds only after TLS, with the configured
 * trust store, and refuses a directory whose certificate it does not trust.
 */
class StartTlsLdapClientTest {

  private static final String BASE_DN = "dc=mlcouncil,dc=example";
  private static final String SERVICE_DN = "cn=camunda,ou=services," + BASE_DN;
  private static final String KEY_PASS = "key-pass-1";
  private static InMemoryDirectoryServer directory;
  private static Path trustStore;

  @BeforeAll
  static void startDirectoryWithStartTls(@TempDir Path folder) throws Exception {
    // A certificate for the address the platform connects to: TLS checks it, as it must.
    Path keyStore = folder.resolve("directory.p12");
    ResultCode generated = ManageCertificates.main(null, OutputStream.nullOutputStream(), System.err,
        "generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password", KEY_PASS,
        "--keystore-type", "PKCS12", "--alias", "directory", "--subject-dn", "CN=localhost", "--days-valid", "2",
        "--subject-alternative-name-ip-address", "127.0.0.1");
    assertThat(generated).isEqualTo(ResultCode.SUCCESS);
    SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), KEY_PASS.toCharArray(), "PKCS12", null),
        null);
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
        serverTls.createSSLSocketFactory()));
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, StartTlsLdapClientTest.class.getResource("/ldap/organisation.ldif").getPath());
    directory.startListening();
    trustStore = trustStoreWithCertificateOf(keyStore, folder.resolve("directory-ca.p12"));
  }

  @AfterAll
  static void stopDirectory() {
    directory.shutDown(true);
  }

  @Test
  void bindsOverTlsWithTheConfiguredTrustStore() throws Exception {
    LdapContext context = client(StartTls.trusting(trustStore.toString(), "trust-pass")).openContext(SERVICE_DN,
        "Bind-Secret-7");
    assertThat(context.getAttributes("uid=lpaul,ou=people," + BASE_DN).get("mail").get())
        .isEqualTo("paul.lind@corp.example");
    context.close();
  }

  @Test
  void aWrongPasswordIsRefusedWhenTheContextOpens() {
    StartTlsLdapClient client = client(StartTls.trusting(trustStore.toString(), "trust-pass"));
    assertThatThrownBy(() -> client.openContext("uid=lpaul,ou=people," + BASE_DN, "not-his-password"))
        .isInstanceOf(LdapAuthenticationException.class);
  }

  @Test
  void aDirectoryCertificateNobodyTrustsIsRefused() {
    StartTlsLdapClient client = client(StartTls.trusting("", null));
    assertThatThrownBy(() -> client.openContext(SERVICE_DN, "Bind-Secret-7"))
        .isInstanceOf(IdentityProviderException.class).hasMessage("Could not start TLS with LDAP server");
  }

  private static StartTlsLdapClient client(StartTls tls) {
    LdapConfiguration configuration = new LdapConfiguration();
    configuration.setServerUrl("ldap://127.0.0.1:" + directory.getListenPort());
    return new StartTlsLdapClient(configuration, tls);
  }

  /** A PKCS12 trust store holding only the directory's certificate, as an operator exports it. */
  private static Path trustStoreWithCertificateOf(Path keyStore, Path target) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      server.load(in, KEY_PASS.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("directory", server.getCertificate(server.aliases().nextElement()));
    try (OutputStream out = Files.newOutputStream(target)) {
      trust.store(out, "trust-pass".toCharArray());
    }
    return target;
  }
}
