package org.mlcouncil.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupMappingTest {

  @Test
  void mapsDirectoryGroupsGivenByIdOrDnBothWaysAndLeavesOthersAlone() {
    GroupMapping mapping = new GroupMapping(
        "cn=ai-council,ou=groups,dc=corp,dc=example -> ml-council; Camunda-Admins -> camunda-admin;");
    assertThat(mapping.toPlatform("ai-council")).isEqualTo("ml-council");
    assertThat(mapping.toDirectory("ml-council")).isEqualTo("ai-council");
    assertThat(mapping.toPlatform("Camunda-Admins")).isEqualTo("camunda-admin");
    assertThat(mapping.toDirectory("camunda-admin")).isEqualTo("Camunda-Admins");
    assertThat(mapping.toPlatform("pod-search-pm")).isEqualTo("pod-search-pm");
    assertThat(mapping.toDirectory("pod-search-pm")).isEqualTo("pod-search-pm");
    assertThat(new GroupMapping("").toPlatform("ml-council")).isEqualTo("ml-council");
  }

  @Test
  void refusesEntriesThatAreNoPairAndGroupsMappedTwice() {
    assertThatThrownBy(() -> new GroupMapping("ai-council ml-council"))
        .hasMessage("mlcouncil.ldap.group-mapping: 'ai-council ml-council' is not '<directory group> -> <platform group>'");
    assertThatThrownBy(() -> new GroupMapping("a -> ml-council; b -> ml-council"))
        .hasMessageContaining("'b -> ml-council' maps a group a second time");
  }
}
