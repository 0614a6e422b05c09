package org.mlcouncil.bench;

/** PLACEHOLDER: a helper builds this part; it is not in a run until then. */
final class Throughput implements BenchPart {

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) {
    throw new UnsupportedOperationException("throughput: not built yet");
  }
}
