package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.SipSettings;
import io.srs.sip.SipTransport;
import io.srs.sip.testing.TlsSettingsBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where in-dialog requests come back to: the transport and port the dialog was set up on. */
class LocalContactTest {
  private final LocalContact contact =
      new LocalContact(
          SipSettings.defaults("192.0.2.1", "192.0.2.1")
              .withTls(TlsSettingsBuilder.of(Path.of("server.p12"), "x").port(5071).build()));

  @Test
  void udpAndTcpShareSipPort() {
    assertThat(contact.contact(SipTransport.UDP))
        .isEqualTo("<sip:srs@192.0.2.1:5060;transport=udp>;+sip.srs");
    assertThat(contact.contact(SipTransport.TCP))
        .isEqualTo("<sip:srs@192.0.2.1:5060;transport=tcp>;+sip.srs");
  }

  @Test
  void tlsNamesTheTlsPortAndTransport() {
    assertThat(contact.contact(SipTransport.TLS))
        .isEqualTo("<sip:srs@192.0.2.1:5071;transport=tls>;+sip.srs");
  }

  @Test
  void ipv6HostsAreBracketed() {
    assertThat(new LocalContact("2001:db8::1", 5060, 5061).contact(SipTransport.TLS))
        .isEqualTo("<sip:srs@[2001:db8::1]:5061;transport=tls>;+sip.srs");
  }
}
