package org.mlcouncil.bench;

/** PLACEHOLDER: a helper builds this part; it is not in a run until then. */
final class ClicksAtScale implements BenchPart {

  @Override
  public String name() {
    return "clicks";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) {
    throw new UnsupportedOperationException("clicks: not built yet");
  }
}
