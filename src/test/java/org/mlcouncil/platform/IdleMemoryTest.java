package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {

  @Test
  void theJvmTakesEveryOptionAtRunTime() {
    HotSpotDiagnosticMXBean jvm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    for (String name : List.of(IdleMemory.MIN_FREE_OPTION, IdleMemory.MAX_FREE_OPTION, IdleMemory.PERIODIC_OPTION)) {
      assertThat(jvm.getVMOption(name).isWriteable()).as(name).isTrue();
    }
  }

  @Test
  void withTheDefaultsTheHeapKeepsLessFreeAndIdleNodesAreCollected() {
    Options options = new Options(Map.of());
    AtomicInteger collections = new AtomicInteger();

    new IdleMemory(options, collections::incrementAndGet).onApplicationEvent(null);

    assertThat(options.values).containsEntry("MinHeapFreeRatio", "10").containsEntry("MaxHeapFreeRatio", "30")
        .containsEntry("G1PeriodicGCInterval", "60000");
    assertThat(collections).hasValue(1);
  }

  @Test
  void aRatioGivenAtLaunchKeepsBothRatios() {
    Options options = new Options(Map.of("MaxHeapFreeRatio", "50"));

    List<String> set = new IdleMemory(options, () -> { }).apply();

    assertThat(set).containsExactly("G1PeriodicGCInterval=60000");
    assertThat(options.values).containsEntry("MinHeapFreeRatio", "40").containsEntry("MaxHeapFreeRatio", "50");
  }

  @Test
  void optionsAllGivenAtLaunchAreLeftAndNothingIsCollected() {
    Options options = new Options(Map.of("MinHeapFreeRatio", "20", "MaxHeapFreeRatio", "40",
        "G1PeriodicGCInterval", "0"));
    AtomicInteger collections = new AtomicInteger();

    new IdleMemory(options, collections::incrementAndGet).onApplicationEvent(null);

    assertThat(options.values).containsEntry("MinHeapFreeRatio", "20").containsEntry("MaxHeapFreeRatio", "40")
        .containsEntry("G1PeriodicGCInterval", "0");
    assertThat(collections).hasValue(0);
  }

  @Test
  void aJvmWithoutTheOptionsIsLeftAlone() {
    AtomicInteger collections = new AtomicInteger();

    assertThat(new IdleMemory(null, collections::incrementAndGet).apply()).isEmpty();
    assertThat(collections).hasValue(0);
  }

  /** A JVM's options: the JVM's defaults, some given at launch. */
  private static final class Options implements HotSpotDiagnosticMXBean {

    private final Map<String, String> values = new HashMap<>(Map.of(
        "MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70", "G1PeriodicGCInterval", "0"));
    private final Map<String, String> atLaunch;

    Options(Map<String, String> atLaunch) {
      this.atLaunch = atLaunch;
      values.putAll(atLaunch);
    }

    @Override
    public VMOption getVMOption(String name) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no option " + name);
      }
      return new VMOption(name, values.get(name), true,
          atLaunch.containsKey(name) ? VMOption.Origin.VM_CREATION : VMOption.Origin.DEFAULT);
    }

    @Override
    public void setVMOption(String name, String value) {
      if (name.equals("MaxHeapFreeRatio") && Long.parseLong(value) < Long.parseLong(values.get("MinHeapFreeRatio"))) {
        throw new IllegalArgumentException("MaxHeapFreeRatio below MinHeapFreeRatio");
      }
      values.put(name, value);
    }

    @Override
    public void dumpHeap(String outputFile, boolean live) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<VMOption> getDiagnosticOptions() {
      return List.of();
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }
}
