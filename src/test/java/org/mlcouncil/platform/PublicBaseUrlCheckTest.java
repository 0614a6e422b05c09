package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicBaseUrlCheckTest {

  @Test
  void quietWhenTheBaseUrlNamesTheListeningPort() {
    assertThat(PublicBaseUrlCheck.mismatch("http://localhost:8080", 8080)).isEmpty();
    assertThat(PublicBaseUrlCheck.mismatch("https://council.example.org", 443)).isEmpty();
    assertThat(PublicBaseUrlCheck.mismatch("http://council.example.org/", 80)).isEmpty();
  }

  @Test
  void warnsNamingBothPortsAndTheSettingWhenTheyDiffer() {
    assertThat(PublicBaseUrlCheck.mismatch("http://localhost:8080", 9090)).hasValueSatisfying(warning ->
        assertThat(warning).contains("port 8080", "http://localhost:8080", "listens on port 9090",
            "mlcouncil.public-base-url", "MLCOUNCIL_PUBLIC_BASE_URL"));
    assertThat(PublicBaseUrlCheck.mismatch("https://council.example.org", 8080)).hasValueSatisfying(warning ->
        assertThat(warning).contains("port 443"));
  }

  @Test
  void warnsWhenTheBaseUrlIsNoUrl() {
    assertThat(PublicBaseUrlCheck.mismatch("http://local host:80", 80)).hasValueSatisfying(warning ->
        assertThat(warning).contains("is not a URL"));
  }
}
