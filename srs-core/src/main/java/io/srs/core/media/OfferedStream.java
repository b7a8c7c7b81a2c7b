package io.srs.core.media;

import java.util.List;
import java.util.Objects;

/**
 * One m-line of an SDP offer, reduced to what recording needs (RFC 4566 §5.14).
 *
 * @param index position of the m-line in the offer, from 0; the answer keeps the same order
 * @param mediaType {@code audio}, {@code video}, ...
 * @param port the offered port; 0 means the offerer disabled the stream (RFC 3264 §5.1)
 * @param transport the transport protocol, e.g. {@code RTP/AVP} or {@code RTP/SAVP}
 * @param formats the offered payload formats in the offerer's order of preference
 * @param direction the offered direction ({@code sendonly} for SIPREC, RFC 7866 §8.1.1)
 * @param label the {@code a=label} value (RFC 4574), or null when absent
 * @param crypto the {@code a=crypto} lines (RFC 4568 §9.1) in the offerer's order of preference,
 *     usable or not; empty for plain RTP
 */
public record OfferedStream(
    int index,
    String mediaType,
    int port,
    String transport,
    List<OfferedFormat> formats,
    MediaDirection direction,
    String label,
    List<OfferedCrypto> crypto) {

  public OfferedStream {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(direction, "direction");
    formats = List.copyOf(formats);
    crypto = List.copyOf(crypto);
  }

  /** An m-line without {@code a=crypto} lines. */
  public OfferedStream(
      int index,
      String mediaType,
      int port,
      String transport,
      List<OfferedFormat> formats,
      MediaDirection direction,
      String label) {
    this(index, mediaType, port, transport, formats, direction, label, List.of());
  }

  public TransportProfile profile() {
    return TransportProfile.of(transport);
  }
}
