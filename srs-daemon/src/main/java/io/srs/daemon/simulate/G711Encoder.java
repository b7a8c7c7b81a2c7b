package io.srs.daemon.simulate;

/**
 * ITU-T G.711 compression of linear PCM16, for simulated calls only: the recorder stores the wire
 * bytes and never encodes. Pure functions; the inverse is {@code io.srs.core.media.G711}.
 */
public final class G711Encoder {
  /** mu-law bias added before the segment search (G.711 Table 2a: decision values offset 0x84). */
  private static final int MULAW_BIAS = 0x84;

  /** Largest magnitude whose biased value still fits the top segment. */
  private static final int MULAW_CLIP = 32635;

  /** A-law codes have their even bits inverted on the wire (G.711 Table 1a). */
  private static final int ALAW_EVEN_BITS = 0x55;

  private G711Encoder() {}

  /** One signed 16-bit sample to a mu-law code: sign, 3-bit segment, 4-bit step, all inverted. */
  public static byte mulaw(short linear) {
    int sample = linear;
    int sign = 0;
    if (sample < 0) {
      sign = 0x80;
      sample = -sample;
    }
    if (sample > MULAW_CLIP) {
      sample = MULAW_CLIP;
    }
    sample += MULAW_BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (sample >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /**
   * One signed 16-bit sample to an A-law code: 13-bit magnitude, segment 0 linear, segments 1-7
   * doubling; sign bit set for positive values, then the even bits inverted.
   */
  public static byte alaw(short linear) {
    int sample = linear >> 3; // A-law works on 13 bits
    int sign = 0x80;
    if (sample < 0) {
      sign = 0;
      sample = -sample - 1;
    }
    if (sample > 0x0FFF) {
      sample = 0x0FFF;
    }
    int code;
    if (sample < 32) {
      code = sample >> 1;
    } else {
      int exponent = 1;
      for (int v = sample >> 5; v > 1; v >>= 1) {
        exponent++;
      }
      code = (exponent << 4) | ((sample >> exponent) & 0x0F);
    }
    return (byte) ((sign | code) ^ ALAW_EVEN_BITS);
  }

  /** Compresses {@code count} samples from {@code in} into {@code out}, one code per sample. */
  public static void encode(
      SimCodec codec, short[] in, int offset, int count, byte[] out, int outOffset) {
    for (int i = 0; i < count; i++) {
      short sample = in[offset + i];
      out[outOffset + i] =
          switch (codec) {
            case PCMU -> mulaw(sample);
            case PCMA -> alaw(sample);
            case G722 -> throw new IllegalArgumentException("G.722 is not G.711");
          };
    }
  }
}
