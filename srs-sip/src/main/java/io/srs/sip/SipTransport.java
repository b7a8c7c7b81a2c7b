package io.srs.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * The SIP transports we listen on (RFC 3261 §18; TLS per §26.2.1 on a port of its own, 5061 by
 * default, because UDP and TCP share {@code sip.port}).
 */
public enum SipTransport {
  UDP("udp"),
  TCP("tcp"),
  TLS("tls");

  private final String wireName;

  SipTransport(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in Via, {@code transport=} URI parameters and JAIN-SIP. */
  public String wireName() {
    return wireName;
  }

  public static Optional<SipTransport> fromWireName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (SipTransport transport : values()) {
      if (transport.wireName.equals(lower)) {
        return Optional.of(transport);
      }
    }
    return Optional.empty();
  }
}
