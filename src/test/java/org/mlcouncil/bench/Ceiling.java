package org.mlcouncil.bench;

/** PLACEHOLDER: a helper builds this part; it is not in a run until then. */
final class Ceiling implements BenchPart {

  @Override
  public String name() {
    return "ceiling";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) {
    throw new UnsupportedOperationException("ceiling: not built yet");
  }
}
