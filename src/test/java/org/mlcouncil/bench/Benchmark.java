package org.mlcouncil.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform's benchmark, a command and not a test: {@code ./mvnw -Pbench verify} packages the
 * application, then runs this against it and prints one Markdown table, also written to
 * {@code target/bench/report.md}. Every figure comes from the same run, so ratios hold on a noisy
 * machine. {@code -Dbench.parts=ceiling,throughput} runs only the named parts.
 */
public final class Benchmark {

  private Benchmark() {
  }

  public static void main(String[] args) throws Exception {
    List<BenchPart> parts = List.of(new Ceiling(), new Throughput(), new ClicksAtScale(), new MlReviewAtScale(),
        new Footprint());
    String selected = System.getProperty("bench.parts", "");
    Set<String> chosen = selected.isBlank() ? parts.stream().map(BenchPart::name).collect(Collectors.toSet())
        : Arrays.stream(selected.split(",")).map(String::trim).collect(Collectors.toSet());
    BenchReport report = new BenchReport(Machine.describe());
    try (BenchEnv env = BenchEnv.start()) {
      for (BenchPart part : parts) {
        if (chosen.contains(part.name())) {
          try {
            part.run(env, report);
          } catch (Exception | AssertionError e) {
            report.note(part.name() + " could not finish: " + e);
            e.printStackTrace();
          } finally {
            report.write();
          }
        }
      }
    }
    System.out.println();
    System.out.println(report.markdown());
    // The embedded servers' threads would keep the JVM up.
    System.exit(0);
  }
}
