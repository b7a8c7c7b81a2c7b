package io.srs.daemon.simulate;

/**
 * The codecs {@code srs simulate} can send, with their RTP/AVP static payload types (RFC 3551 §6,
 * Table 4). Every one packs 20 ms into 160 octets and advances the RTP clock by 160: G.722's clock
 * rate is 8000 although it samples at 16 kHz (RFC 3551 §4.5.2).
 */
public enum SimCodec {
  PCMU(0, "PCMU/8000", 8000),
  PCMA(8, "PCMA/8000", 8000),
  G722(9, "G722/8000", 16000);

  /** Octets per 20 ms packet: 160 codes at 8 kHz, or 320 samples at 4 bits each. */
  public static final int PAYLOAD_BYTES = 160;

  /** RTP timestamp units per 20 ms packet. */
  public static final int TIMESTAMP_STEP = 160;

  private final int payloadType;
  private final String rtpmap;
  private final int sampleRate;

  SimCodec(int payloadType, String rtpmap, int sampleRate) {
    this.payloadType = payloadType;
    this.rtpmap = rtpmap;
    this.sampleRate = sampleRate;
  }

  public int payloadType() {
    return payloadType;
  }

  /** The SDP {@code a=rtpmap} encoding name and clock rate. */
  public String rtpmap() {
    return rtpmap;
  }

  /** The PCM sample rate the encoder takes. */
  public int sampleRate() {
    return sampleRate;
  }

  /** Linear samples per 20 ms packet. */
  public int samplesPerPacket() {
    return sampleRate / 50;
  }
}
