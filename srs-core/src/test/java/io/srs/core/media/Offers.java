package io.srs.core.media;

import java.util.ArrayList;
import java.util.List;

/** Builds offered m-lines the way the SDP side would, for tests. */
public final class Offers {
  private Offers() {}

  /** An audio m-line over RTP/AVP, sendonly, with static payload types only. */
  public static OfferedStream audio(int index, String label, int... payloadTypes) {
    List<OfferedFormat> formats = new ArrayList<>();
    for (int pt : payloadTypes) {
      formats.add(StaticPayloadTypes.lookup(pt));
    }
    return stream(
        index, "audio", 4000 + 2 * index, "RTP/AVP", formats, MediaDirection.SENDONLY, label);
  }

  public static OfferedStream stream(
      int index,
      String mediaType,
      int port,
      String transport,
      List<OfferedFormat> formats,
      MediaDirection direction,
      String label) {
    return new OfferedStream(index, mediaType, port, transport, formats, direction, label);
  }

  /** The same m-line with another direction. */
  public static OfferedStream withDirection(OfferedStream stream, MediaDirection direction) {
    return new OfferedStream(
        stream.index(),
        stream.mediaType(),
        stream.port(),
        stream.transport(),
        stream.formats(),
        direction,
        stream.label());
  }
}
