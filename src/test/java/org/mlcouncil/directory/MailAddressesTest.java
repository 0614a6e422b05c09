package org.mlcouncil.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"paul@mlcouncil.example", "first.last+ml@sub.example.org", "admin@localhost"})
  void plainAddressesAreValid(String address) {
    assertThat(MailAddresses.isValid(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad)addr@evil.example", "Boss <boss@evil.example>", "boss@evil.example (Boss)",
      "a@b.example, c@d.example", "group: a@b.example;", "a@b@evil.example", "not-an-address@", "@evil.example",
      "plain", "a@[10.0.0.1]", " padded@evil.example", "", "<a@b.example>"})
  void anythingButOnePlainAddressIsNot(String address) {
    assertThat(MailAddresses.isValid(address)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {254, 255})
  void anAddressLongerThanSmtpCarriesIsNot(int length) {
    String address = "x".repeat(length - "@evil.example".length()) + "@evil.example";
    assertThat(MailAddresses.isValid(address)).isEqualTo(length <= MailAddresses.MAX_LENGTH);
  }
}
