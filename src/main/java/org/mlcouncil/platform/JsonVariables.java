package org.mlcouncil.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Reads and writes process variables stored as Camunda JSON values, which Cockpit and
 * Tasklist show as readable JSON and which need no Java classes to be read back.
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
