package org.mlcouncil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The latencies of one kind of call, in milliseconds: percentiles by nearest rank. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  void add(double value) {
    millis.add(value);
  }

  double percentile(double share) {
    List<Double> sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      throw new IllegalStateException("No latency measured");
    }
    return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
  }

  double p50() {
    return percentile(0.5);
  }

  double p95() {
    return percentile(0.95);
  }

  int count() {
    return millis.size();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (n=%d)", p50(), p95(), count());
  }
}
