package org.mlcouncil.deployment;

import java.nio.charset.StandardCharsets;

/** Models a process owner deploys in tests. */
public final class DeploymentData {

  private DeploymentData() {
  }

  /** A minimal executable model; {@code expression}, when not empty, becomes a service task's expression. */
  public static byte[] model(String processId, String expression) {
    String flow = expression.isEmpty()
        ? "<bpmn:endEvent id=\"done\" />"
        : "<bpmn:serviceTask id=\"act\" camunda:expression=\"" + expression + "\" /><bpmn:endEvent id=\"done\" />";
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_" + processId + "\""
        + " targetNamespace=\"http://mlcouncil.org/bpmn\">"
        + "<bpmn:process id=\"" + processId + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<bpmn:startEvent id=\"start\" />" + flow + "</bpmn:process></bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
