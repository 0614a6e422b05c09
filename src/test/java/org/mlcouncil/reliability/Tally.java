package org.mlcouncil.reliability;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every answer of a phase of a scenario, from all its clients: counts and latencies. */
public final class Tally {

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  Answer add(Answer answer) {
    answers.add(answer);
    return answer;
  }

  int count(Predicate<Answer> which) {
    return (int) answers.stream().filter(which).count();
  }

  public int total() {
    return answers.size();
  }

  int acknowledged() {
    return count(Answer::acknowledged);
  }

  int serverErrors() {
    return count(Answer::serverError);
  }

  int unanswered() {
    return count(Answer::unanswered);
  }

  /** How many answers had each status, e.g. {@code {200=40, 503=3}}. */
  Map<Integer, Long> byStatus() {
    return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
  }

  Map<String, Long> byNode(Predicate<Answer> which) {
    return answers.stream().filter(which)
        .collect(Collectors.groupingBy(Answer::node, TreeMap::new, Collectors.counting()));
  }

  /** The latency in milliseconds below which the given share of the answers fall (nearest rank). */
  long percentile(double share) {
    List<Long> sorted = answers.stream().map(Answer::millis).sorted().toList();
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(share * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  public String latencies() {
    return "p50 " + percentile(0.5) + " ms, p95 " + percentile(0.95) + " ms, max " + percentile(1.0) + " ms over "
        + total() + " answers";
  }

  /** The answers that match, e.g. those to requests sent during an outage. */
  Tally where(Predicate<Answer> which) {
    Tally subset = new Tally();
    answers.stream().filter(which).forEach(subset::add);
    return subset;
  }

  /** The slowest answer, e.g. to see which click waited. */
  Optional<Answer> slowest() {
    return answers.stream().max(Comparator.comparingLong(Answer::millis));
  }

  /** The first answer that matches, in the order they came. */
  Optional<Answer> first(Predicate<Answer> which) {
    return answers.stream().filter(which).min(Comparator.comparingLong(Answer::at));
  }
}
