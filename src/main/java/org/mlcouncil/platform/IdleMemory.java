package org.mlcouncil.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Lets a node started with the JVM's default memory settings give back what it does not use.
 * Without options the JVM sizes the heap from the machine's memory and never returns what it
 * once committed: start-up alone (Spring, the engine parsing every model, the webapps) left about
 * 300 MB of heap committed around 80 MB of live data on a 23 GB machine, so an idle node sat near
 * 650 MB resident for good.
 *
 * <p>When the node is ready it sets three options the JVM takes at run time ("manageable"), each
 * only if nobody set it when starting the JVM: a heap keeps at most {@value #MAX_FREE} % free after
 * a full collection ({@code MaxHeapFreeRatio}, 70 by default; {@code MinHeapFreeRatio} goes to
 * {@value #MIN_FREE} to stay below it), and G1 collects a node idle for a minute
 * ({@code G1PeriodicGCInterval}, JEP 346, off by default), so memory a busy hour took is returned
 * too. Then it collects once, which returns start-up's garbage. Options given on the command
 * line are left as they are, and the heap never shrinks below an operator's {@code -Xms}.
 */
@Component
class IdleMemory implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(IdleMemory.class);

  static final String MIN_FREE_OPTION = "MinHeapFreeRatio";
  static final String MAX_FREE_OPTION = "MaxHeapFreeRatio";
  static final String PERIODIC_OPTION = "G1PeriodicGCInterval";
  static final int MIN_FREE = 10;
  static final int MAX_FREE = 30;
  static final long PERIODIC_MILLIS = 60_000;

  private final HotSpotDiagnosticMXBean options;
  private final Runnable collect;

  IdleMemory() {
    this(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class), System::gc);
  }

  IdleMemory(HotSpotDiagnosticMXBean options, Runnable collect) {
    this.options = options;
    this.collect = collect;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    List<String> set = apply();
    if (set.isEmpty()) {
      return;
    }
    collect.run();
    log.info("Memory the node does not use is returned to the system ({}); JVM options given at launch take precedence",
        String.join(", ", set));
  }

  /** Sets the options nobody set at launch; what was set, as {@code name=value}. */
  List<String> apply() {
    List<String> set = new ArrayList<>();
    // The two ratios go together: the JVM refuses a maximum below the minimum.
    if (unset(MIN_FREE_OPTION) && unset(MAX_FREE_OPTION)) {
      set(MIN_FREE_OPTION, MIN_FREE, set);
      set(MAX_FREE_OPTION, MAX_FREE, set);
    }
    if (unset(PERIODIC_OPTION)) {
      set(PERIODIC_OPTION, PERIODIC_MILLIS, set);
    }
    return set;
  }

  private boolean unset(String name) {
    if (options == null) {
      return false; // not a HotSpot JVM
    }
    try {
      return options.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT;
    } catch (IllegalArgumentException notThisJvm) {
      return false;
    }
  }

  private void set(String name, long value, List<String> set) {
    try {
      options.setVMOption(name, Long.toString(value));
      set.add(name + "=" + value);
    } catch (IllegalArgumentException | SecurityException refused) {
      log.debug("JVM option {} left as it is: {}", name, refused.getMessage());
    }
  }
}
