package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SipSettingsTest {
  private final SipSettings defaults = SipSettings.defaults("0.0.0.0", "192.0.2.1");

  private static SipSettings with(
      String bind,
      int port,
      Set<SipTransport> transports,
      String media,
      int max,
      int buffer,
      String server) {
    return new SipSettings(bind, port, transports, media, max, buffer, server);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(defaults.port()).isEqualTo(5060);
    assertThat(defaults.transports()).containsExactlyInAnyOrder(SipTransport.UDP, SipTransport.TCP);
    assertThat(defaults.maxMessageBytes()).isEqualTo(65536);
    assertThat(defaults.udpReceiveBufferBytes()).isEqualTo(1024 * 1024);
    assertThat(defaults.serverHeader()).isEqualTo("SRS/0.1");
  }

  @Test
  void wildcardBindAdvertisesTheMediaAddress() {
    assertThat(defaults.advertisedHost()).isEqualTo("192.0.2.1");
    assertThat(SipSettings.defaults("192.0.2.5", "192.0.2.1").advertisedHost())
        .isEqualTo("192.0.2.5");
  }

  @Test
  void portZeroIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> defaults.withPort(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sip.port must be 1..65535, was 0");
  }

  @Test
  void hostNameIsRefusedAsBindAddress() {
    assertThatThrownBy(() -> SipSettings.defaults("localhost", "192.0.2.1"))
        .hasMessage("sip.bindAddress must be an IPv4 or IPv6 literal, was \"localhost\"");
  }

  @Test
  void wildcardMediaAddressIsRefused() {
    assertThatThrownBy(() -> SipSettings.defaults("0.0.0.0", "0.0.0.0"))
        .hasMessage(
            "sip.mediaAddress must be a concrete address the SRC can send RTP to, was 0.0.0.0");
  }

  @Test
  void ipv6LiteralsAreAccepted() {
    assertThat(SipSettings.defaults("::", "2001:db8::1").advertisedHost()).isEqualTo("2001:db8::1");
  }

  @Test
  void noTransportIsRefused() {
    assertThatThrownBy(() -> defaults.withTransports(Set.of()))
        .hasMessage("sip.transports must name at least one of UDP, TCP, TLS");
  }

  @Test
  void tinyMessageLimitIsRefused() {
    assertThatThrownBy(
            () ->
                with(
                    "0.0.0.0",
                    5060,
                    EnumSet.of(SipTransport.UDP),
                    "192.0.2.1",
                    100,
                    1 << 20,
                    "SRS"))
        .hasMessage("sip.maxMessageBytes must be 4096..1048576, was 100");
  }

  @Test
  void tinyUdpBufferIsRefused() {
    assertThatThrownBy(
            () ->
                with(
                    "0.0.0.0", 5060, EnumSet.of(SipTransport.UDP), "192.0.2.1", 65536, 1024, "SRS"))
        .hasMessage("sip.udpReceiveBufferBytes must be 8192..268435456, was 1024");
  }

  @Test
  void serverHeaderWithLineBreakIsRefused() {
    assertThatThrownBy(
            () ->
                with(
                    "0.0.0.0",
                    5060,
                    EnumSet.of(SipTransport.UDP),
                    "192.0.2.1",
                    65536,
                    1 << 20,
                    "SRS\r\nX: y"))
        .hasMessage(
            "sip.serverHeader must be 1..128 printable ASCII characters, was \"SRS??X: y\"");
  }
}
