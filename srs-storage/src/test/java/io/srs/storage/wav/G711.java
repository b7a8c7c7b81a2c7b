package io.srs.storage.wav;

import io.srs.core.media.AudioEncoding;

/** Test-only ITU-T G.711 encoders, to feed the writer real audio. */
final class G711 {
  private static final int[] ALAW_SEGMENT_END = {
    0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF
  };

  private G711() {}

  /** {@code samples} of a sine at {@code hz}, half scale, in {@code encoding}. */
  static byte[] tone(AudioEncoding encoding, int hz, int rate, int samples) {
    byte[] out = new byte[samples * encoding.bytesPerSample()];
    for (int i = 0; i < samples; i++) {
      int pcm = (int) Math.round(16000 * Math.sin(2 * Math.PI * hz * i / rate));
      switch (encoding) {
        case MULAW -> out[i] = muLaw(pcm);
        case ALAW -> out[i] = aLaw(pcm);
        case PCM16 -> {
          out[2 * i] = (byte) pcm;
          out[2 * i + 1] = (byte) (pcm >> 8);
        }
        default -> throw new IllegalArgumentException(encoding.toString());
      }
    }
    return out;
  }

  /** G.711 mu-law: bias 0x84, segment by leading one, bits inverted. */
  static byte muLaw(int pcm) {
    int sign = pcm < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(pcm), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** G.711 A-law: segment by magnitude, even bits inverted (XOR 0x55, sign in 0x80). */
  static byte aLaw(int pcm) {
    int mask = 0xD5;
    if (pcm < 0) {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = 0;
    while (segment < 8 && pcm > ALAW_SEGMENT_END[segment]) {
      segment++;
    }
    if (segment >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int value = segment << 4;
    value |= segment < 2 ? (pcm >> 4) & 0x0F : (pcm >> (segment + 3)) & 0x0F;
    return (byte) (value ^ mask);
  }
}
