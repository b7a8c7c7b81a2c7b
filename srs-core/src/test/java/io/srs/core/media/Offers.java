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

  /** An audio m-line over RTP/SAVP with the given a=crypto lines, sendonly, static types. */
  public static OfferedStream srtp(
      int index, String label, List<OfferedCrypto> crypto, int... payloadTypes) {
    List<OfferedFormat> formats = new ArrayList<>();
    for (int pt : payloadTypes) {
      formats.add(StaticPayloadTypes.lookup(pt));
    }
    return new OfferedStream(
        index,
        "audio",
        4000 + 2 * index,
        "RTP/SAVP",
        formats,
        MediaDirection.SENDONLY,
        label,
        crypto);
  }

  /** A usable line of {@code suite} whose key and salt bytes are all {@code fill}. */
  public static OfferedCrypto crypto(int tag, SrtpSuite suite, int fill) {
    byte[] key = new byte[suite.masterKeyBytes()];
    byte[] salt = new byte[suite.masterSaltBytes()];
    java.util.Arrays.fill(key, (byte) fill);
    java.util.Arrays.fill(salt, (byte) (fill + 1));
    return OfferedCrypto.usable(tag, SrtpKeys.of(suite, key, salt));
  }

  /** A key source counting up from {@code start}: deterministic, and unlike any offered key. */
  public static SrtpKeySource countingKeys(int start) {
    int[] next = {start};
    return into -> {
      for (int i = 0; i < into.length; i++) {
        into[i] = (byte) next[0]++;
      }
    };
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
        stream.label(),
        stream.crypto());
  }
}
