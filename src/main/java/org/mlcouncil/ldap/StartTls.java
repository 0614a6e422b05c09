package org.mlcouncil.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS the platform speaks with the directory after StartTLS: trusting the CAs of the
 * configured PKCS12 trust store, or the JVM's when none is configured. Never "trust anything":
 * Camunda's own switch for that ({@code acceptUntrustedCertificates}) changes TLS for the whole JVM.
 */
final class StartTls {

  private final SSLSocketFactory sockets;

  private StartTls(SSLSocketFactory sockets) {
    this.sockets = sockets;
  }

  static StartTls trusting(String trustStore, String password) {
    if (trustStore == null || trustStore.isBlank()) {
      return new StartTls((SSLSocketFactory) SSLSocketFactory.getDefault());
    }
    try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password == null ? new char[0] : password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return new StartTls(context.getSocketFactory());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("mlcouncil.ldap.trust-store: cannot read " + trustStore + ": " + e.getMessage(), e);
    }
  }

  SSLSocketFactory sockets() {
    return sockets;
  }
}
