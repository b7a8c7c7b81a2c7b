package io.srs.core.media;

import java.util.Locale;

/**
 * What an m-line's proto field says about media protection (RFC 4566 §5.14, RFC 3711 §12, RFC 5764
 * §8): plain RTP, SRTP keyed in the SDP (SDES, RFC 4568), or SRTP keyed by DTLS, which we do not
 * speak.
 */
public enum TransportProfile {
  /** {@code RTP/AVP} (RFC 3551) or {@code RTP/AVPF} (RFC 4585). */
  PLAIN_RTP,
  /** {@code RTP/SAVP} (RFC 3711) or {@code RTP/SAVPF} (RFC 5124): keys in {@code a=crypto}. */
  SDES_SRTP,
  /**
   * {@code UDP/TLS/RTP/SAVP} or {@code UDP/TLS/RTP/SAVPF} (RFC 5764): keys from a DTLS handshake.
   */
  DTLS_SRTP,
  /** Anything else: not RTP at all, or a profile we do not know. */
  OTHER;

  public static TransportProfile of(String proto) {
    return switch (proto.toUpperCase(Locale.ROOT)) {
      case "RTP/AVP", "RTP/AVPF" -> PLAIN_RTP;
      case "RTP/SAVP", "RTP/SAVPF" -> SDES_SRTP;
      case "UDP/TLS/RTP/SAVP", "UDP/TLS/RTP/SAVPF" -> DTLS_SRTP;
      default -> OTHER;
    };
  }
}
