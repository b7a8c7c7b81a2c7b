package io.srs.daemon.e2e;

/**
 * Test signals: sine tones encoded to G.711 mu-law with the ITU-T G.711 segment algorithm. Kept in
 * the test tree on purpose: the recorder itself never encodes G.711, it stores the wire bytes.
 */
final class TestAudio {
  /** G.711 mu-law bias added before segment search (ITU-T G.711 Table 2a). */
  private static final int MULAW_BIAS = 0x84;

  /** Largest magnitude before the bias would overflow 14 bits. */
  private static final int MULAW_CLIP = 32635;

  private TestAudio() {}

  /** Encodes one signed 16-bit sample to mu-law. */
  static byte mulaw(int sample) {
    int sign = (sample >> 8) & 0x80;
    if (sign != 0) {
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
   * A mu-law tone of {@code samples} samples at 8 kHz, phase-continuous from sample {@code offset}.
   */
  static byte[] mulawTone(double frequencyHz, long offset, int samples) {
    byte[] out = new byte[samples];
    for (int i = 0; i < samples; i++) {
      double t = (offset + i) / 8000.0;
      out[i] = mulaw((int) Math.round(12000 * Math.sin(2 * Math.PI * frequencyHz * t)));
    }
    return out;
  }
}
