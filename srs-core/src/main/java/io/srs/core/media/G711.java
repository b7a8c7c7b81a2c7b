package io.srs.core.media;

/**
 * ITU-T G.711 expansion to linear PCM, by table: exact (G.711 defines the decoded value of every
 * code), allocation-free, and shared by the media side (PCM16 output) and storage (stereo mixes).
 */
public final class G711 {
  private static final short[] MULAW = new short[256];
  private static final short[] ALAW = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      MULAW[code] = expandMulaw(code);
      ALAW[code] = expandAlaw(code);
    }
  }

  private G711() {}

  /** The linear value of a mu-law code (G.711 Table 2a): bias 0x84, segments of doubling steps. */
  public static short mulawToLinear(byte code) {
    return MULAW[code & 0xFF];
  }

  /** The linear value of an A-law code (G.711 Table 1a): even bits inverted (XOR 0x55). */
  public static short alawToLinear(byte code) {
    return ALAW[code & 0xFF];
  }

  /** Expands {@code length} codes to little-endian PCM16 in {@code out} (2 bytes per code). */
  public static void expand(
      AudioEncoding law, byte[] in, int offset, int length, byte[] out, int outOffset) {
    short[] table =
        switch (law) {
          case MULAW -> MULAW;
          case ALAW -> ALAW;
          default -> throw new IllegalArgumentException(law + " is not G.711");
        };
    for (int i = 0; i < length; i++) {
      short sample = table[in[offset + i] & 0xFF];
      out[outOffset + 2 * i] = (byte) sample;
      out[outOffset + 2 * i + 1] = (byte) (sample >> 8);
    }
  }

  private static short expandMulaw(int code) {
    int inverted = ~code & 0xFF;
    int sign = inverted & 0x80;
    int exponent = (inverted >> 4) & 0x07;
    int mantissa = inverted & 0x0F;
    int magnitude = ((mantissa << 3) + 0x84) << exponent;
    magnitude -= 0x84;
    return (short) (sign != 0 ? -magnitude : magnitude);
  }

  private static short expandAlaw(int code) {
    int value = code ^ 0x55;
    int sign = value & 0x80;
    int exponent = (value >> 4) & 0x07;
    int mantissa = value & 0x0F;
    int magnitude =
        exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
    return (short) (sign != 0 ? magnitude : -magnitude);
  }
}
