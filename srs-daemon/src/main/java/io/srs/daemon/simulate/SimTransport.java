package io.srs.daemon.simulate;

/** The SIP transports {@code srs simulate} speaks. */
public enum SimTransport {
  UDP,
  TCP,
  /** SIP over TLS (RFC 3261 §26.2.1): the recorder's {@code sip.tls.port}, usually 5061. */
  TLS;

  public static SimTransport fromWireName(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "udp" -> UDP;
      case "tcp" -> TCP;
      case "tls" -> TLS;
      default ->
          throw new IllegalArgumentException(
              "unknown --transport '" + name + "'; expected udp, tcp or tls");
    };
  }
}
