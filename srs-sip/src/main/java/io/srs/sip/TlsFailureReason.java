package io.srs.sip;

import java.util.Locale;

/**
 * Why a TLS handshake on the SIP listener failed: a small closed set, so it can label a metric
 * ({@code srs_tls_handshake_failures_total{reason}}). docs/troubleshooting.md says what each one
 * usually means and what to check.
 */
public enum TlsFailureReason {
  /** The peer did not speak TLS: plain SIP, an HTTP probe or a port scan on the TLS port. */
  NOT_TLS,
  /** No complete handshake within {@code sip.tls.handshake-timeout-millis}. */
  TIMEOUT,
  /**
   * No TLS version or cipher suite in common ({@code sip.tls.protocols}, {@code cipher-suites}).
   */
  PROTOCOL,
  /** The SRC's certificate was missing (client-auth need), untrusted, or expired. */
  CLIENT_CERTIFICATE,
  /**
   * The SRC refused our certificate: it does not chain to a CA it trusts, or names another host.
   */
  CERTIFICATE_REJECTED,
  /** The peer closed or reset the connection in the middle of the handshake. */
  CLOSED,
  /** Anything else; the WARN log line carries the detail. */
  OTHER;

  /** The metric label: {@code not_tls}, {@code client_certificate}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
