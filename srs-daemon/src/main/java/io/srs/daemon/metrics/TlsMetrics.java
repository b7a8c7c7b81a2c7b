package io.srs.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.srs.sip.TlsFailureListener;
import io.srs.sip.TlsFailureReason;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code srs_tls_handshake_failures_total{reason}}: failed handshakes on the SIP TLS listener, one
 * counter per reason of the closed {@link TlsFailureReason} set, all registered up front at zero so
 * a rate or an alert works before the first failure. The peer is in the WARN log line, never in a
 * label (unbounded).
 */
public final class TlsMetrics implements TlsFailureListener {
  private final Map<TlsFailureReason, Counter> failures = new EnumMap<>(TlsFailureReason.class);

  public TlsMetrics(MeterRegistry registry) {
    for (TlsFailureReason reason : TlsFailureReason.values()) {
      failures.put(
          reason,
          Counter.builder("srs.tls.handshake.failures")
              .description(
                  "Failed TLS handshakes on the SIP TLS listener, by reason: not_tls, timeout,"
                      + " protocol, client_certificate, certificate_rejected, closed, other")
              .tag("reason", reason.label())
              .register(registry));
    }
  }

  @Override
  public void handshakeFailed(TlsFailureReason reason, InetSocketAddress peer, String detail) {
    failures.get(reason).increment();
  }

  /** The count for one reason (tests, and the banner of a future status command). */
  public double count(TlsFailureReason reason) {
    return failures.get(reason).count();
  }
}
