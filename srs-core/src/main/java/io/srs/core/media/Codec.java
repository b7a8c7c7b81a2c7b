package io.srs.core.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of RTP payload formats we can store bit-exactly. A codec not listed here is never
 * accepted: an m-line offering only unknown codecs is answered with port 0, never recorded as
 * garbage.
 */
public enum Codec {
  /** RFC 3551 §4.5.14: PCMU, static payload type 0, 8000 Hz. */
  PCMU("PCMU", 0, 8000, AudioEncoding.MULAW),
  /** RFC 3551 §4.5.14: PCMA, static payload type 8, 8000 Hz. */
  PCMA("PCMA", 8, 8000, AudioEncoding.ALAW);

  private final String encodingName;
  private final int staticPayloadType;
  private final int clockRate;
  private final AudioEncoding storedEncoding;

  Codec(String encodingName, int staticPayloadType, int clockRate, AudioEncoding storedEncoding) {
    this.encodingName = encodingName;
    this.staticPayloadType = staticPayloadType;
    this.clockRate = clockRate;
    this.storedEncoding = storedEncoding;
  }

  /** The encoding name as written in {@code a=rtpmap} (RFC 4566 §6). */
  public String encodingName() {
    return encodingName;
  }

  public int staticPayloadType() {
    return staticPayloadType;
  }

  /** The RTP timestamp clock rate (RFC 3550 §5.1). */
  public int clockRate() {
    return clockRate;
  }

  /** The stored sample rate; equal to the clock rate for G.711. */
  public int sampleRate() {
    return clockRate;
  }

  public AudioEncoding storedEncoding() {
    return storedEncoding;
  }

  /** Finds the codec an offered format denotes: encoding name (case-insensitive) and clock rate. */
  public static Optional<Codec> of(OfferedFormat format) {
    if (format.encodingName() == null) {
      return Optional.empty();
    }
    String name = format.encodingName().toUpperCase(Locale.ROOT);
    for (Codec codec : values()) {
      if (codec.encodingName.equals(name)
          && codec.clockRate == format.clockRate()
          && format.channels() == 1) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }
}
