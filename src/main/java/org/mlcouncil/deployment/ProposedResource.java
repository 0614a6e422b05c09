package org.mlcouncil.deployment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One file of a deployment as submitted (a BPMN model, a form, a DMN table), under the name
 * the client gave it, e.g. {@code ml-proposal.bpmn} from Camunda Modeler.
 */
public record ProposedResource(String name, byte[] bytes) {

  public String sha256() {
    return sha256(bytes);
  }

  /** Models are executable: their expressions, classes and scripts run with the engine's rights. */
  public boolean isModel() {
    String lower = name.toLowerCase(Locale.ROOT);
    return isBpmn() || lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
  }

  public boolean isBpmn() {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The file name without folders: the application deploys {@code bpmn/x.bpmn}, Modeler {@code x.bpmn}. */
  public String fileName() {
    return fileName(name);
  }

  static String fileName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
