package io.srs.core.media;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of RTP payload formats we can record. A codec not listed here is never accepted:
 * an m-line offering only unknown codecs is answered with port 0, never recorded as garbage. G.711
 * is stored natively (bit-exact); the others are decoded to PCM16 at their own sample rate.
 */
public enum Codec {
  /** RFC 3551 §4.5.14: PCMU, static payload type 0, 8000 Hz. */
  PCMU("PCMU", 0, 8000, 8000, AudioEncoding.MULAW),
  /** RFC 3551 §4.5.14: PCMA, static payload type 8, 8000 Hz. */
  PCMA("PCMA", 8, 8000, 8000, AudioEncoding.ALAW),
  /**
   * ITU-T G.722, RFC 3551 §4.5.2: samples at 16 kHz but its RTP clock is 8000 (an error kept for
   * compatibility, and a classic trap), so one RTP tick is two samples.
   */
  G722("G722", 9, 8000, 16000, AudioEncoding.PCM16),
  /** RFC 7587: always {@code opus/48000/2} in SDP; decoded to 48 kHz mono PCM16. */
  OPUS("opus", -1, 48000, 48000, AudioEncoding.PCM16),
  /**
   * RFC 3551 §4.5.11: 16-bit linear, network byte order. The clock (= sample rate) is whatever
   * rtpmap says; {@link #fixedClockRate()} is 0.
   */
  L16("L16", -1, 0, 0, AudioEncoding.PCM16);

  private final String encodingName;
  private final int staticPayloadType;
  private final int fixedClockRate;
  private final int fixedSampleRate;
  private final AudioEncoding decodedEncoding;

  Codec(
      String encodingName,
      int staticPayloadType,
      int fixedClockRate,
      int fixedSampleRate,
      AudioEncoding decodedEncoding) {
    this.encodingName = encodingName;
    this.staticPayloadType = staticPayloadType;
    this.fixedClockRate = fixedClockRate;
    this.fixedSampleRate = fixedSampleRate;
    this.decodedEncoding = decodedEncoding;
  }

  /** The encoding name as written in {@code a=rtpmap} (RFC 4566 §6). */
  public String encodingName() {
    return encodingName;
  }

  /** The static payload type of RFC 3551 Table 4, or -1 when only dynamic types are used. */
  public int staticPayloadType() {
    return staticPayloadType;
  }

  /** The RTP timestamp clock rate (RFC 3550 §5.1), or 0 when the rtpmap sets it (L16). */
  public int fixedClockRate() {
    return fixedClockRate;
  }

  /** The RTP clock rate (RFC 3550 §5.1); for PCMU/PCMA/G722 8000, Opus 48000. */
  public int clockRate() {
    if (fixedClockRate == 0) {
      throw new IllegalStateException(this + " takes its clock rate from the rtpmap");
    }
    return fixedClockRate;
  }

  /** The stored sample rate; for L16 the rtpmap's clock, use {@link NegotiatedFormat}. */
  public int sampleRate() {
    if (fixedSampleRate == 0) {
      throw new IllegalStateException(this + " takes its sample rate from the rtpmap");
    }
    return fixedSampleRate;
  }

  /** True for G.711: the payload bytes can be stored as they are. */
  public boolean storableNatively() {
    return this == PCMU || this == PCMA;
  }

  /**
   * How samples are stored unless PCM16 output is asked for: natively for G.711, PCM16 for every
   * decoded codec.
   */
  public AudioEncoding storedEncoding() {
    return decodedEncoding;
  }

  /**
   * Finds the codec an offered format denotes: encoding name (case-insensitive), clock rate and
   * channels as the codec's RFC requires.
   */
  public static Optional<Codec> of(OfferedFormat format) {
    if (format.encodingName() == null) {
      return Optional.empty();
    }
    String name = format.encodingName().toUpperCase(Locale.ROOT);
    for (Codec codec : values()) {
      if (codec.encodingName.toUpperCase(Locale.ROOT).equals(name) && codec.accepts(format)) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /** Largest L16 clock we record; past it a stream is more likely a music feed than a call. */
  static final int MAX_L16_CLOCK_RATE = 48_000;

  private boolean accepts(OfferedFormat format) {
    return switch (this) {
      // RFC 7587 §7: the rtpmap is always opus/48000/2, whatever is actually sent.
      case OPUS ->
          format.clockRate() == 48000 && (format.channels() == 2 || format.channels() == 1);
      case L16 ->
          format.channels() == 1
              && format.clockRate() >= 8000
              && format.clockRate() <= MAX_L16_CLOCK_RATE;
      default -> format.clockRate() == fixedClockRate && format.channels() == 1;
    };
  }
}
