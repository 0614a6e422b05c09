package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class JsonVariablesTest {

  private static final TypeReference<Map<String, String>> REVIEW = new TypeReference<>() {
  };

  private final JsonVariables json = new JsonVariables(new ObjectMapper());

  @Test
  void aValueThatFitsAStringVariableIsKeptAsJsonTextInItsOwnRow() {
    Map<String, String> review = Map.of("decision", "approve", "comment", "Clear case");

    TypedValue stored = json.compact(review);

    assertThat(stored).isInstanceOf(StringValue.class);
    assertThat(json.convert(stored.getValue(), REVIEW, null)).isEqualTo(review);
  }

  @Test
  void aLongerValueIsAJsonValueAndReadsBackTheSame() {
    Map<String, String> review = Map.of("decision", "reject", "comment", "x".repeat(TextLimits.STRING_VARIABLE));

    TypedValue stored = json.compact(review);

    assertThat(stored).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) stored).getValueSerialized().length()).isGreaterThan(TextLimits.STRING_VARIABLE);
    assertThat(json.convert(((JsonValue) stored).getValueSerialized(), REVIEW, null)).isEqualTo(review);
  }

  @Test
  void theLongestTextAStringVariableHoldsStaysAString() {
    String comment = "y".repeat(TextLimits.STRING_VARIABLE - "{\"comment\":\"\"}".length());

    assertThat(json.compact(Map.of("comment", comment))).isInstanceOf(StringValue.class);
    assertThat(json.compact(Map.of("comment", comment + "y"))).isInstanceOf(JsonValue.class);
  }
}
