package io.srs.rtp.codec;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.media.G711;
import io.srs.core.media.NegotiatedFormat;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Builds the decoder a negotiated format needs to reach a track's stored encoding. G.711 is stored
 * natively (never transcoded) or expanded to PCM16 when PCM16 output is asked for; every other
 * codec is decoded to PCM16 at its own sample rate. See docs/codecs.md.
 */
public final class PayloadDecoders {
  private PayloadDecoders() {}

  /**
   * The codecs this build can decode. G.729 is deliberately absent (docs/codecs.md): the planner
   * never answers a codec outside this set, so nothing undecodable is ever written.
   */
  private static final Set<Codec> SUPPORTED =
      Collections.unmodifiableSet(
          EnumSet.of(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.OPUS, Codec.L16));

  /** The codecs {@link #create} accepts, for the media side to advertise. */
  public static Set<Codec> supportedCodecs() {
    return SUPPORTED;
  }

  /**
   * The decoder from {@code format} to {@code stored}.
   *
   * @throws IllegalArgumentException when this media side cannot produce {@code stored} from the
   *     format (the planner never offers such a pair)
   */
  public static PayloadDecoder create(NegotiatedFormat format, AudioEncoding stored) {
    Codec codec = format.codec();
    if (codec.storableNatively()) {
      AudioEncoding law = codec.storedEncoding();
      if (stored == law) {
        return new Passthrough(law.bytesPerSample());
      }
      if (stored == AudioEncoding.PCM16) {
        return new G711Expander(law);
      }
    } else if (stored == AudioEncoding.PCM16) {
      switch (codec) {
        case G722:
          return new G722Decoder();
        case OPUS:
          // RFC 7587 §7: always opus/48000/2 in SDP; mono or stereo, the decoder outputs mono.
          return new OpusPayloadDecoder();
        case L16:
          if (format.channels() == 1) {
            return new L16Decoder();
          }
          break;
        default:
          break;
      }
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
