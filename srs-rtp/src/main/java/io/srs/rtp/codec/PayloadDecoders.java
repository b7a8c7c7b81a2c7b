package io.srs.rtp.codec;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.G711;
import io.srs.core.media.NegotiatedFormat;

/** Builds the decoder a negotiated format needs to reach a track's stored encoding. */
public final class PayloadDecoders {
  private PayloadDecoders() {}

  /**
   * The decoder from {@code format} to {@code stored}.
   *
   * @throws IllegalArgumentException when this media side cannot produce {@code stored} from the
   *     format (the planner never offers such a pair)
   */
  public static PayloadDecoder create(NegotiatedFormat format, AudioEncoding stored) {
    AudioEncoding law = format.codec().storedEncoding();
    if (format.codec().storableNatively() && stored == law) {
      return new Passthrough(law.bytesPerSample());
    }
    if (format.codec().storableNatively() && stored == AudioEncoding.PCM16) {
      return new G711Expander(law);
    }
    throw new IllegalArgumentException(
        "no decoder from " + format.rtpmap() + " to " + stored + " in this build");
  }

  /** G.711 stored natively: the payload bytes are the samples (bit-exact). */
  static final class Passthrough implements PayloadDecoder {
    private final int bytesPerSample;

    Passthrough(int bytesPerSample) {
      this.bytesPerSample = bytesPerSample;
    }

    @Override
    public int maxOutputBytes(int payloadLength) {
      return payloadLength;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
      int whole = length - length % bytesPerSample;
      System.arraycopy(payload, offset, out, outOffset, whole);
      return whole;
    }

    @Override
    public int samplesIn(int payloadLength) {
      return payloadLength / bytesPerSample;
    }

    @Override
    public void reset() {}
  }

  /** G.711 to PCM16 by the exact expansion table. */
  static final class G711Expander implements PayloadDecoder {
    private final AudioEncoding law;

    G711Expander(AudioEncoding law) {
      this.law = law;
    }

    @Override
    public int maxOutputBytes(int payloadLength) {
      return 2 * payloadLength;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
      G711.expand(law, payload, offset, length, out, outOffset);
      return 2 * length;
    }

    @Override
    public int samplesIn(int payloadLength) {
      return payloadLength;
    }

    @Override
    public void reset() {}
  }
}
