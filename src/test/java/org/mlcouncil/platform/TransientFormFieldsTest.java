package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

class TransientFormFieldsTest {

  @Test
  void readsTheNamesAsTheModelerWritesThem() {
    assertThat(TransientFormFields.names(" decision, comment ,,impactCostScore ")).containsExactlyInAnyOrder(
        "decision", "comment", "impactCostScore");
    assertThat(TransientFormFields.names(null)).isEmpty();
  }

  @Test
  void aPlainValueKeepsItsTypeAndValueAndBecomesTransient() {
    TypedValue text = TransientFormFields.asTransient("comment", Variables.stringValue("Fine"));
    assertThat(text.isTransient()).isTrue();
    assertThat(text.getType()).isEqualTo(ValueType.STRING);
    assertThat(text.getValue()).isEqualTo("Fine");

    TypedValue score = TransientFormFields.asTransient("impactCostScore", Variables.longValue(4L));
    assertThat(score.isTransient()).isTrue();
    assertThat(score.getValue()).isEqualTo(4L);

    TypedValue untyped = TransientFormFields.asTransient("decision", "approve");
    assertThat(untyped.isTransient()).isTrue();
    assertThat(untyped.getValue()).isEqualTo("approve");

    assertThat(TransientFormFields.asTransient("comment", null).isTransient()).isTrue();
    assertThat(TransientFormFields.asTransient("comment", Variables.stringValue(null)).isTransient()).isTrue();
  }

  @Test
  void aValueAlreadyTransientIsTheSameValue() {
    TypedValue sent = Variables.stringValue("approve", true);
    assertThat(TransientFormFields.asTransient("decision", sent)).isSameAs(sent);
  }

  @Test
  void anObjectIsRefusedNamingTheField() {
    assertThatThrownBy(() -> TransientFormFields.asTransient("decision",
        Variables.objectValue(List.of("approve")).serializationDataFormat("application/json").create()))
        .isInstanceOf(BadUserRequestException.class).hasMessage("decision: values of type object are not accepted here");
  }
}
