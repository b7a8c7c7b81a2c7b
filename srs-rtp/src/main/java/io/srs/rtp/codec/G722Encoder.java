package io.srs.rtp.codec;

/**
 * ITU-T G.722 (09/2012) SB-ADPCM encoder, 64 kbit/s mode: two 16 kHz PCM16 samples become one octet
 * (IH in bits 7-6, IL in bits 5-0). The counterpart of {@link G722Decoder}, for tests and simulated
 * calls; the recorder itself never encodes. Stateful, one instance per stream.
 */
public final class G722Encoder {

  private static final int QMF_TAPS = 24;

  private final G722Band lower = new G722Band(G722Band.Kind.LOWER);
  private final G722Band higher = new G722Band(G722Band.Kind.HIGHER);

  /** Transmit QMF delay line of the input, newest at index 0. */
  private final int[] history = new int[QMF_TAPS];

  /**
   * Encodes {@code count} samples (an even number: each pair makes one octet).
   *
   * @return octets written
   */
  public int encode(short[] samples, int offset, int count, byte[] out, int outOffset) {
    if (count % 2 != 0) {
      throw new IllegalArgumentException("G.722 encodes sample pairs; got " + count + " samples");
    }
    int o = outOffset;
    for (int i = 0; i < count; i += 2) {
      System.arraycopy(history, 0, history, 2, QMF_TAPS - 2);
      history[1] = samples[offset + i];
      history[0] = samples[offset + i + 1];
      // Transmit QMF: XA from the even taps, XB from the odd; XL = XA + XB, XH = XA - XB.
      int even = 0;
      int odd = 0;
      for (int k = 0; k < QMF_TAPS; k += 2) {
        even += G722Tables.QMF[k] * history[k];
        odd += G722Tables.QMF[k + 1] * history[k + 1];
      }
      int xl = G722Band.sat((even + odd) >> 14);
      int xh = G722Band.sat((even - odd) >> 14);
      int il = encodeLower(xl);
      int ih = encodeHigher(xh);
      out[o++] = (byte) ((ih << 6) | il);
    }
    return o - outOffset;
  }

  /** Returns to the spec's reset state. */
  public void reset() {
    lower.reset();
    higher.reset();
    java.util.Arrays.fill(history, 0);
  }

  /** Block 1L, SUBTRA and QUANTL: a 6-bit code for EL = XL - SL, then adapt as the decoder does. */
  private int encodeLower(int xl) {
    int det = lower.scale();
    int el = G722Band.sat(xl - lower.estimate());
    int magnitude = magnitude(el);
    int interval = 1;
    while (interval < G722Tables.Q6.length
        && magnitude >= ((G722Tables.Q6[interval] * det) >> 12)) {
      interval++;
    }
    int il = el < 0 ? G722Tables.ILN[interval] : G722Tables.ILP[interval];
    int ril = il >> 2;
    lower.adapt((det * G722Tables.QM4[ril]) >> 15, G722Tables.WL[G722Tables.RL42[ril]]);
    return il;
  }

  /** Block 1H, SUBTRA and QUANTH: a 2-bit code for EH = XH - SH. */
  private int encodeHigher(int xh) {
    int det = higher.scale();
    int eh = G722Band.sat(xh - higher.estimate());
    boolean large = magnitude(eh) >= ((G722Tables.Q2 * det) >> 12);
    int ih = eh < 0 ? (large ? 0 : 1) : (large ? 2 : 3);
    higher.adapt((det * G722Tables.QM2[ih]) >> 15, G722Tables.WH[G722Tables.RH2[ih]]);
    return ih;
  }

  /** The spec's magnitude WD: one's complement for negative values, (32767 - E) & 32767. */
  private static int magnitude(int e) {
    return e >= 0 ? e : (Short.MAX_VALUE - e) & Short.MAX_VALUE;
  }
}
