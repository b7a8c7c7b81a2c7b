package io.srs.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** sip.allowed-sources: the SBCs allowed to set up recordings. */
class AllowedSourcesConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void allowedSourcesAreCidrRangesAndEmptyByDefault() throws Exception {
    assertThat(loader.load(null, Map.of()).sip().allowedSources().allowsAll()).isTrue();
    var sources =
        loader
            .load(null, Map.of("sip.allowed-sources", "203.0.113.0/24, 2001:db8::/32"))
            .sip()
            .allowedSources();
    assertThat(sources.entries()).containsExactly("203.0.113.0/24", "2001:db8::/32");
    assertThat(sources.allows(java.net.InetAddress.getByName("203.0.113.9"))).isTrue();
    assertThat(sources.allows(java.net.InetAddress.getByName("198.51.100.1"))).isFalse();
  }

  @Test
  void aBadAllowedSourceIsNamedWithItsIndex() {
    assertThatThrownBy(
            () ->
                loader.load(null, Map.of("sip.allowed-sources", "203.0.113.0/24,sbc.example.com")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key 'sip.allowed-sources[1]': ")
        .hasMessageContaining("is not an IP address or CIDR range");
  }
}
