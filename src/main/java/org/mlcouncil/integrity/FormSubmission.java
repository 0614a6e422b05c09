package org.mlcouncil.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.mlcouncil.integrity.FormFields.Kind;
import org.mlcouncil.platform.TextLimits;

/**
 * Checks the values a person sends with a start or a task completion against the form of that
 * start or task: only its editable fields, each with a value of the kind the field submits.
 * Read-only fields that Tasklist echoes are dropped, never written. Nothing is deserialized:
 * a list arrives as a plain JSON array of short texts or not at all.
 */
final class FormSubmission {

  /** What a String variable holds; a form's {@code maxLength} may be tighter. */
  static final int MAX_TEXT = TextLimits.STRING_VARIABLE;
  static final int MAX_LIST_ITEMS = 100;
  static final int MAX_LIST_JSON = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(2).maxStringLength(MAX_LIST_JSON).build());
  }

  private FormSubmission() {
  }

  /**
   * Refuses the whole submission, naming every offending field, unless each value fits its
   * field; removes echoed read-only fields from {@code variables}.
   */
  static void check(String what, FormFields form, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    TreeSet<String> unknown = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    List<String> echoed = new ArrayList<>();
    Map<String, List<String>> lists = new java.util.HashMap<>();
    for (String name : variables.keySet()) {
      if (form.readOnly().contains(name)) {
        echoed.add(name);
        continue;
      }
      Kind kind = form.editable().get(name);
      if (kind == null) {
        unknown.add(name);
        continue;
      }
      Object value = typed(variables, name);
      String problem = problem(kind, value, Math.min(MAX_TEXT, form.maxLengths().getOrDefault(name, MAX_TEXT)));
      if (problem != null) {
        problems.add(name + ": " + problem);
      } else if (kind == Kind.LIST && plainText(value) instanceof String text) {
        lists.put(name, entries(text));
      }
    }
    if (!unknown.isEmpty()) {
      problems.add(0, abbreviate(String.join(", ", unknown), 200) + (unknown.size() == 1 ? ": not a field of " : ": not fields of ")
          + what + " (form '"
          + form.formId() + "' has " + (form.editable().isEmpty() ? "no fields" : String.join(", ", form.editable().keySet())) + ")");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
    if (!echoed.isEmpty()) {
      try {
        echoed.forEach(variables::remove);
      } catch (UnsupportedOperationException e) {
        throw new BadUserRequestException(String.join(", ", echoed) + ": read-only on form '" + form.formId() + "'");
      }
    }
    if (!lists.isEmpty()) {
      try {
        // Stored as a list, so whatever reads the field reads one, however the client sent it.
        variables.putAll(lists);
      } catch (UnsupportedOperationException e) {
        // A Java caller's own map: its text is read as a list by the field's consumer.
      }
    }
  }

  private static Object plainText(Object value) {
    return value instanceof TypedValue typed && !(value instanceof SerializableValue) ? typed.getValue() : value;
  }

  /** A list typed as text: a JSON array, or entries separated by commas, semicolons or blanks. */
  private static List<String> entries(String text) {
    if (text.strip().startsWith("[") && listProblem(text) == null) {
      try {
        List<String> items = new ArrayList<>();
        JSON.readTree(text).forEach(item -> items.add(item.asText()));
        return items;
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("checked above", e);
      }
    }
    return new ArrayList<>(java.util.Arrays.stream(text.split("[,;\\s]+")).filter(entry -> !entry.isEmpty()).toList());
  }

  private static Object typed(Map<String, Object> variables, String name) {
    return variables instanceof VariableMap map ? map.getValueTyped(name) : variables.get(name);
  }

  private static String problem(Kind kind, Object value, int maxLength) {
    if (value instanceof TypedValue typed && typed.isTransient()) {
      // Whether a value is kept is the process's decision; set on a field the process keeps, the
      // engine would refuse it with an internal error instead of naming the field.
      return "must not be sent as transient (valueInfo.transient)";
    }
    if (value instanceof SerializableValue serializable) {
      return kind == Kind.LIST && isJsonList(serializable) ? listProblem(serializable.getValueSerialized())
          : "values of type " + serializable.getType().getName() + " are not accepted here";
    }
    if (value instanceof TypedValue typed) {
      ValueType type = typed.getType();
      if (type != null && !type.isPrimitiveValueType()) {
        return "values of type " + type.getName() + " are not accepted here";
      }
      value = typed.getValue();
    }
    if (value == null) {
      return null;
    }
    if (value instanceof String text && hasControlCharacters(text)) {
      return "must not contain control characters";
    }
    if (value instanceof String text && text.length() > maxLength) {
      return "must be at most " + maxLength + " characters (got " + text.length() + ")";
    }
    return switch (kind) {
      case TEXT -> value instanceof String ? null : "must be text";
      case NUMBER -> value instanceof Number || value instanceof String ? null : "must be a number";
      case BOOLEAN -> value instanceof Boolean || "true".equalsIgnoreCase(value.toString())
          || "false".equalsIgnoreCase(value.toString()) ? null : "must be true or false";
      case LIST -> value instanceof String text ? (text.strip().startsWith("[") ? listProblem(text) : null)
          : value instanceof Collection<?> items ? itemsProblem(items) : "must be a list of texts";
    };
  }

  /** Tasklist sends a list as {@code Json}, or with the type of the variable it was shown from. */
  private static boolean isJsonList(SerializableValue value) {
    String format = value.getSerializationDataFormat();
    if (value.getType() == null || !"application/json".equals(format) && !"json".equalsIgnoreCase(value.getType().getName())) {
      return false;
    }
    return !(value instanceof ObjectValue object) || object.getObjectTypeName() != null
        && object.getObjectTypeName().startsWith("java.util.ArrayList");
  }

  private static String listProblem(String json) {
    if (json == null) {
      return null;
    }
    if (json.length() > MAX_LIST_JSON) {
      return "a list of at most " + MAX_LIST_ITEMS + " short texts";
    }
    try {
      JsonNode list = JSON.readTree(json);
      if (!list.isArray()) {
        return "must be a list of texts";
      }
      List<Object> items = new ArrayList<>();
      for (JsonNode item : list) {
        if (!item.isValueNode()) {
          return "must be a list of texts";
        }
        items.add(item.asText());
      }
      return itemsProblem(items);
    } catch (JsonProcessingException e) {
      return "is not a readable list";
    }
  }

  private static String itemsProblem(Collection<?> items) {
    if (items.size() > MAX_LIST_ITEMS) {
      return "a list of at most " + MAX_LIST_ITEMS + " entries";
    }
    for (Object item : items) {
      if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
        return "must be a list of texts";
      }
      if (item instanceof String text && hasControlCharacters(text)) {
        return "must not contain control characters";
      }
    }
    return null;
  }

  /** Line breaks and tabs are text; NUL and terminal escapes are not (PostgreSQL refuses NUL outright). */
  private static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f);
  }

  static String abbreviate(String text, int max) {
    return text.length() > max ? text.substring(0, max) + "…" : text;
  }
}
