package io.srs.sip.sdp;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.OfferedFormat;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.StaticPayloadTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One media description: an {@code m=} line and the lines under it (RFC 4566 §5.14).
 *
 * @param mediaType {@code audio}, {@code video}, ... as sent
 * @param port the transport port; 0 when the offerer disabled the stream
 * @param proto the transport protocol as sent ({@code RTP/AVP})
 * @param formats the format list exactly as sent (payload types for RTP, anything otherwise)
 * @param direction the media-level direction attribute, or null when absent
 * @param label the {@code a=label} value (RFC 4574), or null
 * @param rtpMaps {@code a=rtpmap} by payload type
 * @param fmtps {@code a=fmtp} parameters by payload type
 * @param attributes every {@code a=} line, in order; {@code a=crypto} keys redacted
 * @param crypto the {@code a=crypto} lines (RFC 4568 §9.1), in order, each usable or with its
 *     reason
 */
public record MediaDescription(
    String mediaType,
    int port,
    String proto,
    List<String> formats,
    MediaDirection direction,
    String label,
    Map<Integer, RtpMap> rtpMaps,
    Map<Integer, String> fmtps,
    List<Attribute> attributes,
    List<OfferedCrypto> crypto) {

  public MediaDescription {
    formats = List.copyOf(formats);
    rtpMaps = Map.copyOf(rtpMaps);
    fmtps = Map.copyOf(fmtps);
    attributes = List.copyOf(attributes);
    crypto = List.copyOf(crypto);
  }

  /** True for the RTP profiles, whose formats are payload types (RFC 4566 §5.14). */
  public boolean isRtp() {
    return SdpParser.isRtpProto(proto);
  }

  /**
   * This m-line as the domain sees it: static payload types named by RFC 3551 unless an rtpmap says
   * otherwise, dynamic ones by their rtpmap, fmtp kept; the direction from the media level, else
   * the session level, else sendrecv (RFC 4566 §6). Non-RTP m-lines get no formats.
   */
  public OfferedStream toOfferedStream(int index, MediaDirection sessionDirection) {
    List<OfferedFormat> offered = new ArrayList<>();
    if (isRtp()) {
      for (String format : formats) {
        int pt = Integer.parseInt(format);
        String fmtp = fmtps.get(pt);
        RtpMap map = rtpMaps.get(pt);
        if (map != null) {
          offered.add(
              new OfferedFormat(pt, map.encodingName(), map.clockRate(), map.channels(), fmtp));
        } else {
          OfferedFormat known = StaticPayloadTypes.lookup(pt);
          offered.add(
              new OfferedFormat(
                  pt, known.encodingName(), known.clockRate(), known.channels(), fmtp));
        }
      }
    }
    MediaDirection effective =
        Optional.ofNullable(direction)
            .or(() -> Optional.ofNullable(sessionDirection))
            .orElse(MediaDirection.SENDRECV);
    return new OfferedStream(index, mediaType, port, proto, offered, effective, label, crypto);
  }
}
