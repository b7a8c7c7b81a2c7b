package io.srs.daemon.simulate;

/** The SIP transports {@code srs simulate} speaks; TLS waits for the server's TLS listener. */
public enum SimTransport {
  UDP,
  TCP;

  public static SimTransport fromWireName(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "udp" -> UDP;
      case "tcp" -> TCP;
      case "tls" ->
          throw new IllegalArgumentException(
              "--transport tls is not available in this build: the recorder has no TLS listener"
                  + " yet; use udp or tcp");
      default ->
          throw new IllegalArgumentException(
              "unknown --transport '" + name + "'; expected udp or tcp");
    };
  }
}
