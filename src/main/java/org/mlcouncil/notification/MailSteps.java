package org.mlcouncil.notification;

import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mlcouncil.platform.EngineLists;
import org.springframework.stereotype.Component;

/**
 * Counts the mail steps (external tasks of topic {@value MailComposer#TOPIC}) this node's engine
 * committed, as {@link Announcements#added()} counts task announcements: a sender that found no
 * mail step looks again when this changed, not after every announcement it sends (each wakes the
 * senders, and each look is a query and a transaction). Mail steps of other nodes, and retries
 * falling due, are found by the senders' polling.
 */
@Component
class MailSteps extends AbstractProcessEnginePlugin {

  private final AtomicLong created = new AtomicLong();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostBPMNParseListeners(
        EngineLists.with(configuration.getCustomPostBPMNParseListeners(), new Parse()));
  }

  long created() {
    return created.get();
  }

  private final class Parse extends AbstractBpmnParseListener {

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior
          && MailComposer.TOPIC.equals(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic"))) {
        // The step's external task is created in the transaction its start runs in.
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> Context.getCommandContext()
            .getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> created.incrementAndGet()));
      }
    }
  }
}
