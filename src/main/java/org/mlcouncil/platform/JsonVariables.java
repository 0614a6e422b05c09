package org.mlcouncil.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Reads and writes process variables stored as Camunda JSON values, which Cockpit and
 * Tasklist show as readable JSON and which need no Java classes to be read back.
 *
 * <p>A JSON value always keeps its text in a byte array: a row of its own, written once more for
 * its history, read with one more statement whenever the variable is read and deleted with one
 * more when its instance ends. Values only the platform's own code reads, and which are read
 * often (a review or vote at every later review or vote), are written {@linkplain #writeCompact
 * compactly}: as JSON text in the variable's own row whenever it fits a String variable.
 */
@Component
public class JsonVariables {

  private final ObjectMapper mapper;

  public JsonVariables(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public <T> T read(VariableScope scope, String name, TypeReference<T> type, T absent) {
    return convert(scope.getVariable(name), type, absent);
  }

  /**
   * A variable's value in the given type, whichever way it was stored: a JSON value (Tasklist
   * forms store lists so), JSON text, or a Java list or map (the Java API stores those).
   */
  public <T> T convert(Object value, TypeReference<T> type, T absent) {
    if (value == null) {
      return absent;
    }
    if (value instanceof SpinJsonNode node) {
      return parse(node.toString(), type);
    }
    if (value instanceof String text) {
      return parse(text, type);
    }
    return mapper.convertValue(value, type);
  }

  public void write(VariableScope scope, String name, Object value) {
    scope.setVariable(name, value(value));
  }

  /**
   * Writes the value as JSON text in a String variable when it fits one, else as a JSON value.
   * Only for variables read through {@link #convert}, which takes either: a form or an expression
   * would see a string.
   */
  public void writeCompact(VariableScope scope, String name, Object value) {
    scope.setVariable(name, compact(value));
  }

  /** The value for {@link #writeCompact}, e.g. to set it on another scope. */
  public TypedValue compact(Object value) {
    String json = toJson(value);
    return json.length() <= TextLimits.STRING_VARIABLE ? Variables.stringValue(json)
        : SpinValues.jsonValue(json).create();
  }

  /** The value as a JSON variable, e.g. among the variables a process starts with. */
  public JsonValue value(Object value) {
    return SpinValues.jsonValue(toJson(value)).create();
  }

  private <T> T parse(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable is not the JSON expected: " + e.getOriginalMessage(), e);
    }
  }

  private String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON variable", e);
    }
  }
}
