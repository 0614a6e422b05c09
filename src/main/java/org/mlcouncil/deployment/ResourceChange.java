package org.mlcouncil.deployment;

import java.util.List;

/**
 * How one proposed resource differs from the version the engine runs today.
 *
 * @param deployedAs the deployed resource it was compared with ({@code deployment/name}), or null when new
 * @param addedCode expressions, classes and scripts the resource adds (models only)
 */
public record ResourceChange(String resource, Status status, int size, String sha256, String deployedAs,
                             List<String> addedCode) {

  public enum Status { NEW, CHANGED, UNCHANGED }
}
