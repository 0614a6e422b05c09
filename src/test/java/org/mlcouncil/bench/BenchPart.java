package org.mlcouncil.bench;

/**
 * One section of the benchmark (the items: ceiling, throughput, clicks at scale, ML Review
 * at scale, footprint). A part starts what it needs through the {@link BenchEnv} (its own database,
 * its own node), measures, and adds its figures to the report as it goes.
 */
public interface BenchPart {

  /** The name to select it with: {@code ./mvnw -Pbench verify -Dbench.parts=ceiling,footprint}. */
  String name();

  void run(BenchEnv env, BenchReport report) throws Exception;
}
