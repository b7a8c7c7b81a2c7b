package io.srs.core.media;

/**
 * One payload format we answered for a stream: what an RTP payload type means on it, and how its
 * samples are stored.
 *
 * @param payloadType the payload type, exactly as offered
 * @param codec the codec
 * @param clockRate the RTP clock rate (RFC 3550 §5.1)
 * @param sampleRate the decoded sample rate (16000 for G.722 although its clock is 8000)
 * @param channels the channel count of the rtpmap
 * @param fmtp the offered {@code a=fmtp} parameters, or null
 */
public record NegotiatedFormat(
    int payloadType, Codec codec, int clockRate, int sampleRate, int channels, String fmtp) {

  /** The negotiated form of an offered format the codec accepts. */
  public static NegotiatedFormat of(Codec codec, OfferedFormat offered) {
    int clock = codec.fixedClockRate() == 0 ? offered.clockRate() : codec.clockRate();
    int rate = codec == Codec.L16 ? offered.clockRate() : codec.sampleRate();
    return new NegotiatedFormat(
        offered.payloadType(), codec, clock, rate, offered.channels(), offered.fmtp());
  }

  /** Samples per RTP timestamp tick: 2 for G.722 (RFC 3551 §4.5.2), else 1. */
  public int samplesPerTick() {
    return sampleRate / clockRate;
  }

  /** {@code PCMU/8000}, {@code opus/48000/2}: the rtpmap text of the answer. */
  public String rtpmap() {
    return codec.encodingName() + "/" + clockRate + (channels > 1 ? "/" + channels : "");
  }
}
