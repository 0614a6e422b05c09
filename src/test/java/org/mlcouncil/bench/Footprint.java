package org.mlcouncil.bench;

/** PLACEHOLDER: a helper builds this part; it is not in a run until then. */
final class Footprint implements BenchPart {

  @Override
  public String name() {
    return "footprint";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) {
    throw new UnsupportedOperationException("footprint: not built yet");
  }
}
