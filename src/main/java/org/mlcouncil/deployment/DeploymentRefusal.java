package org.mlcouncil.deployment;

/** A deployment request the platform will not accept, with the HTTP status and a message for the client. */
public class DeploymentRefusal extends RuntimeException {

  private final int status;

  public DeploymentRefusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
