package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.junit.jupiter.api.Test;

class JsonListTypesTest {

  private final JacksonJsonDataFormat json = new JacksonJsonDataFormat("application/json");

  @Test
  void aListIsStoredUnderAClassNameAndReadsBackTheSame() {
    new JsonListTypes().configure(json);
    ArrayList<Object> voters = new ArrayList<>(List.of("marcus", "ines"));

    String type = json.getMapper().getCanonicalTypeName(voters);
    assertThat(type).isEqualTo("java.util.ArrayList");
    Object stored = json.getMapper().mapJavaToInternal(voters);
    assertThat((Object) json.getMapper().mapInternalToJava(stored, type)).isEqualTo(voters);
  }

  @Test
  void otherValuesKeepSpinsOwnTypes() {
    new JsonListTypes().configure(json);

    assertThat(json.getMapper().getCanonicalTypeName(List.of("marcus"))).isNotEqualTo("java.util.ArrayList");
  }
}
