package io.srs.sip;

import java.net.InetSocketAddress;

/**
 * Told about every failed TLS handshake on the SIP listener, on the connection's own thread. The
 * daemon counts them in {@code srs_tls_handshake_failures_total}; the SIP module itself logs one
 * WARN line per failure (rate-limited). Must be quick and must not throw.
 */
@FunctionalInterface
public interface TlsFailureListener {
  /** Ignores every failure. */
  TlsFailureListener NONE = (reason, peer, detail) -> {};

  /**
   * @param reason why, from a closed set
   * @param peer who connected
   * @param detail the TLS implementation's own words, for the log
   */
  void handshakeFailed(TlsFailureReason reason, InetSocketAddress peer, String detail);
}
