package org.mlcouncil.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form (form-js schema) lets a person fill in, each with the kind of value
 * it submits. Display components (text, images, …) submit nothing; read-only and disabled
 * fields only echo what the process showed. The labels are how the form names its fields to people,
 * e.g. in a refusal.
 */
public record FormFields(String formId, Map<String, Kind> editable, Set<String> readOnly, Map<String, Integer> maxLengths,
                         Map<String, String> labels) {

  /** What an editable field submits. */
  public enum Kind { TEXT, NUMBER, BOOLEAN, LIST }

  /** A process or task without a form accepts no values at all. */
  public static final FormFields NONE = new FormFields("(no form)", Map.of(), Set.of(), Map.of(), Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Kind> KINDS = Map.of(
      "textfield", Kind.TEXT, "textarea", Kind.TEXT, "radio", Kind.TEXT, "select", Kind.TEXT,
      "datetime", Kind.TEXT, "number", Kind.NUMBER, "checkbox", Kind.BOOLEAN,
      "checklist", Kind.LIST, "taglist", Kind.LIST);

  public static FormFields read(InputStream schema) {
    try (schema) {
      JsonNode form = JSON.readTree(schema);
      Map<String, Kind> editable = new LinkedHashMap<>();
      Set<String> readOnly = new java.util.TreeSet<>();
      Map<String, Integer> maxLengths = new LinkedHashMap<>();
      Map<String, String> labels = new LinkedHashMap<>();
      collect(form.path("components"), editable, readOnly, maxLengths, labels);
      return new FormFields(form.path("id").asText("(unnamed form)"), Collections.unmodifiableMap(editable),
          Collections.unmodifiableSet(readOnly), Collections.unmodifiableMap(maxLengths),
          Collections.unmodifiableMap(labels));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a deployed form", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Kind> editable, Set<String> readOnly,
                              Map<String, Integer> maxLengths, Map<String, String> labels) {
    for (JsonNode component : components) {
      collect(component.path("components"), editable, readOnly, maxLengths, labels);
      String key = component.path("key").asText("");
      Kind kind = isAmount(component) ? Kind.NUMBER : KINDS.get(component.path("type").asText());
      if (key.isEmpty() || kind == null) {
        continue;
      }
      if (!component.path("label").asText("").isBlank()) {
        labels.put(key, component.path("label").asText());
      }
      if (isSet(component.path("readonly")) || isSet(component.path("disabled"))) {
        readOnly.add(key);
      } else {
        editable.put(key, kind);
        if (component.path("validate").path("maxLength").canConvertToInt()) {
          maxLengths.put(key, component.path("validate").path("maxLength").intValue());
        }
      }
    }
  }

  /**
   * A text field for an amount of money (custom property {@code amount}), typed as text in
   * Tasklist ("2,000,000") and sent as a number by REST clients: either is for the server to read.
   */
  private static boolean isAmount(JsonNode component) {
    return "textfield".equals(component.path("type").asText())
        && "true".equals(component.path("properties").path("amount").asText());
  }

  /** {@code true}, or an expression that may become true: either way the field is not the user's to set. */
  private static boolean isSet(JsonNode flag) {
    return flag.isBoolean() ? flag.booleanValue() : flag.isTextual() && !flag.asText().isBlank();
  }
}
