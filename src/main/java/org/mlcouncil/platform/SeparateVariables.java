package org.mlcouncil.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One JSON value per person (a review, a vote) kept as a process variable of its own,
 * {@code <prefix><key>}. A task that writes one inserts or updates only its own row, so people
 * completing tasks of the same process at the same moment never update the same row, as they
 * would appending to one shared list.
 */
public final class SeparateVariables<T> {

  private final JsonVariables json;
  private final String prefix;
  private final TypeReference<T> type;
  private final Comparator<T> order;

  public SeparateVariables(JsonVariables json, String prefix, TypeReference<T> type, Comparator<T> order) {
    this.json = json;
    this.prefix = prefix;
    this.type = type;
    this.order = order;
  }

  /** Every value among the variables, in the given order. */
  public List<T> of(Map<String, Object> variables) {
    return variables.entrySet().stream()
        .filter(variable -> variable.getKey().startsWith(prefix))
        .map(variable -> json.convert(variable.getValue(), type, null))
        .filter(Objects::nonNull)
        .sorted(order)
        .toList();
  }

  /**
   * Every value on the scope, in the given order. Reads only these variables: an item carries
   * dozens, several of them JSON, and a review's completion condition asks this at every review.
   */
  public List<T> of(VariableScope scope) {
    Map<String, Object> values = new HashMap<>();
    for (String name : scope.getVariableNames()) {
      if (name.startsWith(prefix)) {
        values.put(name, scope.getVariable(name));
      }
    }
    return of(values);
  }

  /** Keeps the value on the task's process instance under {@code key}, replacing an earlier one. */
  public void write(DelegateTask task, String key, T value) {
    task.getExecution().getProcessInstance().setVariableLocal(prefix + key, json.compact(value));
  }

  public void removeAll(VariableScope scope) {
    scope.getVariableNames().stream().filter(name -> name.startsWith(prefix)).toList().forEach(scope::removeVariable);
  }
}
