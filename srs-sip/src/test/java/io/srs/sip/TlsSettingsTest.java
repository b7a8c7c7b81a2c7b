package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.sip.testing.TlsSettingsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {
  private final TlsSettings defaults = TlsSettings.of(Path.of("server.p12"), "secret");

  @Test
  void defaultsArePort5061Pkcs12NoClientAuthTls12And13AndFiveSecondHandshakes() {
    assertThat(defaults.port()).isEqualTo(5061);
    assertThat(defaults.keyStoreType()).isEqualTo(TlsStoreType.PKCS12);
    assertThat(defaults.trustStore()).isNull();
    assertThat(defaults.clientAuth()).isEqualTo(TlsClientAuth.NONE);
    assertThat(defaults.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(defaults.cipherSuites()).isEmpty();
    assertThat(defaults.handshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aPortOutOfRangeIsNamed() {
    assertThatThrownBy(() -> TlsSettingsBuilder.from(defaults).port(70000).build())
        .isInstanceOfSatisfying(
            TlsSettingsException.class, e -> assertThat(e.key()).isEqualTo("sip.tls.port"));
  }

  @Test
  void tls11IsRefusedCitingItsDeprecation() {
    assertThatThrownBy(
            () ->
                TlsSettingsBuilder.from(defaults).protocols(List.of("TLSv1.2", "TLSv1.1")).build())
        .isInstanceOfSatisfying(
            TlsSettingsException.class,
            e -> {
              assertThat(e.key()).isEqualTo("sip.tls.protocols");
              assertThat(e.problem()).contains("'TLSv1.1' is not allowed", "RFC 8996");
            });
  }

  @Test
  void noProtocolAtAllIsRefused() {
    assertThatThrownBy(() -> TlsSettingsBuilder.from(defaults).protocols(List.of()).build())
        .hasMessageStartingWith("sip.tls.protocols: must name at least one");
  }

  @Test
  void aHandshakeTimeoutOutsideItsBoundsIsNamed() {
    assertThatThrownBy(
            () -> TlsSettingsBuilder.from(defaults).handshakeTimeout(Duration.ofMillis(10)).build())
        .hasMessage("sip.tls.handshake-timeout-millis: must be 100..60000 ms, was 10");
    assertThatThrownBy(
            () -> TlsSettingsBuilder.from(defaults).handshakeTimeout(Duration.ofMinutes(5)).build())
        .hasMessageStartingWith("sip.tls.handshake-timeout-millis:");
  }

  @Test
  void aTrustStorePasswordWithoutATrustStoreIsRefused() {
    assertThatThrownBy(() -> TlsSettingsBuilder.from(defaults).trustStore(null, "secret").build())
        .hasMessageStartingWith("sip.tls.trust-store-password: is set but sip.tls.trust-store");
  }

  @Test
  void aCipherSuiteThatIsNotANameIsRefused() {
    assertThatThrownBy(
            () ->
                TlsSettingsBuilder.from(defaults)
                    .cipherSuites(List.of("TLS_AES_128_GCM_SHA256", "a b"))
                    .build())
        .hasMessageStartingWith("sip.tls.cipher-suites: 'a b' is not a cipher suite name");
  }

  @Test
  void theKeyStoreAndItsPasswordMustBeSet() {
    assertThatThrownBy(() -> TlsSettings.of(null, "secret"))
        .hasMessageStartingWith("sip.tls.key-store: must be set");
    assertThatThrownBy(() -> TlsSettings.of(Path.of("x.p12"), null))
        .hasMessageStartingWith("sip.tls.key-store-password: must be set");
  }

  @Test
  void printingTheSettingsNeverShowsAPassword() {
    String text =
        TlsSettingsBuilder.from(defaults)
            .trustStore(Path.of("ca.p12"), "trust-secret")
            .build()
            .toString();
    assertThat(text).doesNotContain("secret").contains("server.p12", "ca.p12", "clientAuth=none");
  }

  @Test
  void sipSettingsWithTlsListenOnTheTlsPortForTlsOnly() {
    SipSettings sip = SipSettings.defaults("127.0.0.1", "127.0.0.1").withTls(defaults);
    assertThat(sip.transports())
        .containsExactlyInAnyOrder(SipTransport.UDP, SipTransport.TCP, SipTransport.TLS);
    assertThat(sip.port(SipTransport.TLS)).isEqualTo(5061);
    assertThat(sip.port(SipTransport.TCP)).isEqualTo(5060);
    assertThat(sip.withTransports(EnumSet.of(SipTransport.UDP)).tls()).isNull();
  }

  @Test
  void tlsAsATransportNeedsItsSettings() {
    SipSettings sip = SipSettings.defaults("127.0.0.1", "127.0.0.1");
    assertThatThrownBy(() -> sip.withTransports(EnumSet.of(SipTransport.TLS)))
        .hasMessage("sip.tls.key-store: must be set when sip.transports includes tls");
  }

  @Test
  void theTlsPortCannotBeTheTcpPort() {
    SipSettings sip = SipSettings.defaults("127.0.0.1", "127.0.0.1");
    assertThatThrownBy(() -> sip.withTls(TlsSettingsBuilder.from(defaults).port(5060).build()))
        .hasMessage("sip.tls.port: is sip.port (5060), where the TCP listener is already");
    assertThat(
            sip.withTransports(EnumSet.of(SipTransport.UDP))
                .withTls(TlsSettingsBuilder.from(defaults).port(5060).build()))
        .as("UDP only: 5060/tcp is free for TLS")
        .isNotNull();
  }
}
