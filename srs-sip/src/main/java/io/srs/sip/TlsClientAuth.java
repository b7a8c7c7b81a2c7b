package io.srs.sip;

import java.util.Locale;

/**
 * Whether the TLS listener asks the SRC for a certificate ({@code sip.tls.client-auth}): mutual TLS
 * identifies the SBC before any SIP is read.
 */
public enum TlsClientAuth {
  /** No certificate requested; any SRC that trusts ours may connect. */
  NONE,
  /** A certificate is requested; one that is sent must be trusted, none at all is accepted. */
  WANT,
  /** A trusted certificate is required, or the handshake fails (mTLS). */
  NEED;

  /** The configuration value: {@code none}, {@code want}, {@code need}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
