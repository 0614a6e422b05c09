package org.mlcouncil.bench;

/** PLACEHOLDER: a helper builds this part; it is not in a run until then. */
final class MlReviewAtScale implements BenchPart {

  @Override
  public String name() {
    return "review";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) {
    throw new UnsupportedOperationException("review: not built yet");
  }
}
