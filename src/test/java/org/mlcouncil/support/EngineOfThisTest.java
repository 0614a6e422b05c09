package org.mlcouncil.support;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Binds camunda-bpm-assert to the engine of the test's own Spring context, for tests that assert
 * on process instances ({@code assertThat(proposal).isWaitingAt(..)}) inside Awaitility.
 * camunda-bpm-assert binds the engine to the test's thread; Awaitility would check on a thread of
 * its own, which finds the engine only while the JVM has no second one (the LDAP tests' context).
 */
public final class EngineOfThisTest implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    bind(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    unbind();
  }

  static void bind(ExtensionContext context) {
    BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    Awaitility.pollInSameThread();
  }

  static void unbind() {
    Awaitility.reset();
    BpmnAwareTests.reset();
  }
}
