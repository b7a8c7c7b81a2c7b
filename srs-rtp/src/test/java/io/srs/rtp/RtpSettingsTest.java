package io.srs.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    RtpSettings settings = RtpSettings.defaults();

    assertThat(settings)
        .isEqualTo(new RtpSettings("127.0.0.1", 20000, 29999, 0, 8, 1472, 256 * 1024, 2000, 250));
    assertThat(settings.effectiveIoThreads()).isBetween(1, 4);
  }

  @Test
  void oddLowPortIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> RtpSettings.defaults().withPorts(20001, 29999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rtp.ports: low must be even, was 20001");
  }

  @Test
  void invertedRangeIsRefused() {
    assertThatThrownBy(() -> RtpSettings.defaults().withPorts(30000, 20000))
        .hasMessage("rtp.ports: low must be below high, was 30000..20000");
  }

  @Test
  void privilegedPortsAreRefused() {
    assertThatThrownBy(() -> RtpSettings.defaults().withPorts(1000, 2000))
        .hasMessage("rtp.ports: must lie within 1024..65535, was 1000..2000");
  }

  @Test
  void reorderWindowIsBounded() {
    assertThatThrownBy(() -> RtpSettings.defaults().withReorderWindow(65))
        .hasMessage("rtp.reorderWindow: must be within 1..64, was 65");
  }

  @Test
  void hostNameIsRefusedAsBindAddress() {
    assertThatThrownBy(() -> RtpSettings.defaults().withBindAddress("localhost"))
        .hasMessage("rtp.bindAddress: must be an IP literal, was localhost");
  }

  @Test
  void ipv6LiteralIsAccepted() {
    assertThat(RtpSettings.defaults().withBindAddress("::1").bindAddress()).isEqualTo("::1");
  }

  @Test
  void theBatchIntervalIsBoundedByOnePacketTimeNamingTheKey() {
    assertThat(RtpSettings.defaults().withBatchIntervalMicros(0).batchIntervalMicros()).isZero();
    assertThatThrownBy(() -> RtpSettings.defaults().withBatchIntervalMicros(20_001))
        .hasMessage("rtp.batch-interval-micros: must be within 0..20000, was 20001");
  }
}
