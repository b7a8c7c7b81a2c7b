package io.srs.rtp.codec;

/**
 * ITU-T G.722 (09/2012) SB-ADPCM decoder, 64 kbit/s mode (mode 1): each octet carries a 2-bit
 * higher-band code and a 6-bit lower-band code and decodes to two 16 kHz samples, written as
 * little-endian PCM16. RFC 3551 §4.5.2: the RTP clock stays 8000 although the samples are 16 kHz,
 * so one payload octet is one RTP tick and two stored samples.
 *
 * <p>Written from the Recommendation's block descriptions (lower band Blocks 2L-6L, higher band
 * Blocks 2H-6H, the receive QMF); the 16-bit scaling is that of a 16-bit-linear front end (the
 * sub-band signals are half the PCM16 scale, the receive QMF gains 2^-11), which is what G.722
 * terminals with 16-bit PCM interfaces use.
 *
 * <pre>
 *   octet:  7 6 | 5 4 3 2 1 0
 *           IH  |     IL
 * </pre>
 */
public final class G722Decoder implements PayloadDecoder {

  /** Bits 7-6: the higher sub-band code IH. */
  private static final int IH_SHIFT = 6;

  /** Bits 5-0: the lower sub-band code IL. */
  private static final int IL_MASK = 0x3F;

  /** Block 6L/6H LIMIT: each reconstructed sub-band signal stays within 15 bits. */
  private static final int SUB_BAND_MIN = -16384;

  private static final int SUB_BAND_MAX = 16383;

  /** Taps per polyphase branch of the 24-tap receive QMF. */
  private static final int QMF_HALF = 12;

  private final G722Band lower = new G722Band(G722Band.Kind.LOWER);
  private final G722Band higher = new G722Band(G722Band.Kind.HIGHER);

  /** Receive QMF delay lines of XD = RL - RH and XS = RL + RH, newest at index 0. */
  private final int[] differences = new int[QMF_HALF];

  private final int[] sums = new int[QMF_HALF];

  @Override
  public int maxOutputBytes(int payloadLength) {
    return 4 * payloadLength;
  }

  @Override
  public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
    int o = outOffset;
    for (int i = 0; i < length; i++) {
      int octet = payload[offset + i] & 0xFF;
      int rl = decodeLower(octet & IL_MASK);
      int rh = decodeHigher(octet >>> IH_SHIFT);
      o = synthesise(rl, rh, out, o);
    }
    return o - outOffset;
  }

  /** Every octet is two samples at 16 kHz (one RTP tick of 8000 Hz). */
  @Override
  public int samplesIn(int payloadLength) {
    return 2 * payloadLength;
  }

  @Override
  public void reset() {
    lower.reset();
    higher.reset();
    java.util.Arrays.fill(differences, 0);
    java.util.Arrays.fill(sums, 0);
  }

  /**
   * Lower band: INVQBL makes the output from the whole 6-bit code; INVQAL feeds the predictor from
   * its top 4 bits only.
   */
  private int decodeLower(int il) {
    int det = lower.scale();
    int estimate = lower.estimate();
    int output = (det * G722Tables.QM6[il]) >> 15;
    int ril = il >> 2;
    int difference = (det * G722Tables.QM4[ril]) >> 15;
    lower.adapt(difference, G722Tables.WL[G722Tables.RL42[ril]]);
    return limit(estimate + output);
  }

  /** Higher band: INVQAH, and the same difference both reconstructs and adapts. */
  private int decodeHigher(int ih) {
    int estimate = higher.estimate();
    int difference = (higher.scale() * G722Tables.QM2[ih]) >> 15;
    higher.adapt(difference, G722Tables.WH[G722Tables.RH2[ih]]);
    return limit(estimate + difference);
  }

  /**
   * Receive QMF: XOUT1 = sum h(2i) XD(j-i) then XOUT2 = sum h(2i+1) XS(j-i), interpolating the two
   * 8 kHz sub-bands back to 16 kHz.
   */
  private int synthesise(int rl, int rh, byte[] out, int o) {
    System.arraycopy(differences, 0, differences, 1, QMF_HALF - 1);
    System.arraycopy(sums, 0, sums, 1, QMF_HALF - 1);
    differences[0] = rl - rh;
    sums[0] = rl + rh;
    int even = 0;
    int odd = 0;
    for (int i = 0; i < QMF_HALF; i++) {
      even += G722Tables.QMF[2 * i] * differences[i];
      odd += G722Tables.QMF[2 * i + 1] * sums[i];
    }
    o = writePcm16(G722Band.sat(even >> 11), out, o);
    return writePcm16(G722Band.sat(odd >> 11), out, o);
  }

  private static int limit(int value) {
    return Math.max(SUB_BAND_MIN, Math.min(SUB_BAND_MAX, value));
  }

  private static int writePcm16(int sample, byte[] out, int o) {
    out[o] = (byte) sample;
    out[o + 1] = (byte) (sample >> 8);
    return o + 2;
  }
}
