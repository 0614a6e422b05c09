package org.mlcouncil.outage;

import javax.naming.CommunicationException;
import javax.naming.ServiceUnavailableException;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request that failed because the company directory (LDAP) cannot be reached: nobody can be
 * identified, so it is answered with 503 and a one-line reason instead of a 500 with a stack
 * trace. Nothing to repair afterwards: the engine opens a new directory connection per command.
 */
public final class DirectoryOutage {

  public static final String MESSAGE = "The company directory (LDAP) is not reachable, so nobody can be "
      + "identified; try again in a minute";

  private static final Logger log = LoggerFactory.getLogger(DirectoryOutage.class);

  private DirectoryOutage() {
  }

  public static DatabaseOutage.Reason body() {
    return new DatabaseOutage.Reason(DatabaseOutage.TYPE, MESSAGE);
  }

  /** Camunda's LDAP provider failing on a connection: refused, broken, or the server unavailable. */
  public static boolean isCause(Throwable exception) {
    boolean fromDirectory = false;
    for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      fromDirectory |= cause instanceof IdentityProviderException;
      if (fromDirectory && (cause instanceof CommunicationException || cause instanceof ServiceUnavailableException)) {
        return true;
      }
    }
    return false;
  }

  public static void logAnswered(String method, String path, Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    log.warn("{} {} answered {}: directory not reachable ({})", method, path, DatabaseOutage.STATUS, root.getMessage());
  }
}
