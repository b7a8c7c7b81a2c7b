package io.srs.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.sip.TlsFailureReason;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TlsMetricsTest {
  @Test
  void everyReasonIsExportedFromZeroAndCountsItsFailures() {
    try (SrsMetrics metrics = new SrsMetrics()) {
      String before = metrics.registry().scrape();
      for (TlsFailureReason reason : TlsFailureReason.values()) {
        assertThat(before)
            .contains("srs_tls_handshake_failures_total{reason=\"" + reason.label() + "\"} 0.0");
      }

      InetSocketAddress peer = new InetSocketAddress("192.0.2.7", 40000);
      metrics.tls().handshakeFailed(TlsFailureReason.NOT_TLS, peer, "plain text");
      metrics.tls().handshakeFailed(TlsFailureReason.NOT_TLS, peer, "plain text");
      metrics.tls().handshakeFailed(TlsFailureReason.TIMEOUT, peer, "silent");

      String after = metrics.registry().scrape();
      assertThat(after)
          .contains("srs_tls_handshake_failures_total{reason=\"not_tls\"} 2.0")
          .contains("srs_tls_handshake_failures_total{reason=\"timeout\"} 1.0")
          .doesNotContain("192.0.2.7");
    }
  }
}
