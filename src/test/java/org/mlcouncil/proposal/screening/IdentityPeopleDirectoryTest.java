package org.mlcouncil.proposal.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityPeopleDirectoryTest {

  @Test
  void countsTypingSlipsAsEdits() {
    assertThat(IdentityPeopleDirectory.distance("pual", "paul")).as("two letters swapped").isEqualTo(1);
    assertThat(IdentityPeopleDirectory.distance("pau", "paul")).isEqualTo(1);
    assertThat(IdentityPeopleDirectory.distance("sarha", "sarah")).isEqualTo(1);
    assertThat(IdentityPeopleDirectory.distance("nina", "ines")).isEqualTo(3);
    assertThat(IdentityPeopleDirectory.distance("", "sam")).isEqualTo(3);
  }
}
