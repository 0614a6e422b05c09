package org.mlcouncil.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;

/** What a start or completion may carry, checked against a form-js schema. */
class FormSubmissionTest {

  private static final FormFields FORM = FormFields.read(new ByteArrayInputStream("""
      {"id": "vote", "components": [
        {"type": "text", "text": "Item {{itemId}}"},
        {"type": "textarea", "key": "shownSummary", "disabled": true},
        {"type": "radio", "key": "vote", "validate": {"required": true}},
        {"type": "textarea", "key": "comment", "validate": {"maxLength": 10}},
        {"type": "number", "key": "score"},
        {"type": "textfield", "key": "cost", "properties": {"amount": "true"}, "validate": {"maxLength": 100}},
        {"type": "checkbox", "key": "urgent"},
        {"type": "group", "components": [{"type": "checklist", "key": "carryOver"}]}
      ]}""".getBytes(StandardCharsets.UTF_8)));

  @Test
  void readsEditableFieldsWithTheirKindsAndLimits() {
    assertThat(FORM.editable()).containsOnlyKeys("vote", "comment", "score", "cost", "urgent", "carryOver");
    assertThat(FORM.readOnly()).containsExactly("shownSummary");
    assertThat(FORM.maxLengths()).containsEntry("comment", 10);
  }

  @Test
  void acceptsTheFormsOwnFieldsAndDropsEchoedReadOnlyOnes() {
    Map<String, Object> values = new HashMap<>(Map.of("vote", "approve", "score", 4L, "urgent", "true",
        "shownSummary", "forged"));
    FormSubmission.check("this task", FORM, values);
    assertThat(values).containsOnlyKeys("vote", "score", "urgent");
  }

  @Test
  void anAmountFieldTakesTheTextTypedInTasklistOrANumberFromARestClient() {
    assertThat(FORM.editable()).containsEntry("cost", FormFields.Kind.NUMBER);
    Map<String, Object> values = new HashMap<>(Map.of("vote", "approve", "cost", "2,000,000"));
    FormSubmission.check("this task", FORM, values);
    FormSubmission.check("this task", FORM, new HashMap<>(Map.of("cost", 2_000_000L)));
    assertThat(values).containsEntry("cost", "2,000,000");
    assertRefused(Map.of("cost", List.of("2")), "cost: must be a number");
  }

  @Test
  void refusesOtherFieldsNamingThem() {
    assertThatThrownBy(() -> FormSubmission.check("this task", FORM, new HashMap<>(Map.of("vote", "approve",
        "councilVotes", "[]", "voters", "nina"))))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("councilVotes, voters: not fields of this task (form 'vote' has vote, comment");
  }

  @Test
  void refusesValuesOfTheWrongKindOrSize() {
    assertRefused(Map.of("comment", 42L), "comment: must be text");
    assertRefused(Map.of("comment", "x".repeat(11)), "comment: must be at most 10 characters (got 11)");
    assertRefused(Map.of("comment", "bell\u0007"), "comment: must not contain control characters");
    assertRefused(Map.of("urgent", "maybe"), "urgent: must be true or false");
    assertRefused(Map.of("score", List.of(1)), "score: must be a number");
    assertRefused(Map.of("carryOver", Map.of("a", 1)), "carryOver: must be a list of texts");
    assertRefused(Map.of("comment", Variables.stringValue("fine", true)),
        "comment: must not be sent as transient (valueInfo.transient)");
  }

  @Test
  void takesNoObjectsAndListsOnlyAsPlainJsonArrays() {
    VariableMap file = Variables.createVariables().putValueTyped("comment",
        Variables.serializedObjectValue("\"/etc/passwd\"").objectTypeName("java.io.File")
            .serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> FormSubmission.check("this task", FORM, file))
        .hasMessage("comment: values of type object are not accepted here");

    VariableMap nested = Variables.createVariables().putValueTyped("carryOver",
        Variables.serializedObjectValue("[[\"a\"]]").objectTypeName("java.util.ArrayList")
            .serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> FormSubmission.check("this task", FORM, nested))
        .hasMessage("carryOver: must be a list of texts");

    VariableMap list = Variables.createVariables().putValueTyped("carryOver",
        Variables.serializedObjectValue("[\"MLP-2026-0001\"]").objectTypeName("java.util.ArrayList")
            .serializationDataFormat("application/json").create());
    FormSubmission.check("this task", FORM, list);
  }

  @Test
  void aListTypedAsTextIsStoredAsAList() {
    Map<String, Object> values = new HashMap<>(Map.of("carryOver", "MLP-2026-0001, JD-2026-0002"));
    FormSubmission.check("this task", FORM, values);
    assertThat(values.get("carryOver")).isEqualTo(List.of("MLP-2026-0001", "JD-2026-0002"));
  }

  private static void assertRefused(Map<String, Object> values, String message) {
    assertThatThrownBy(() -> FormSubmission.check("this task", FORM, new HashMap<>(values)))
        .isInstanceOf(BadUserRequestException.class).hasMessage(message);
  }
}
