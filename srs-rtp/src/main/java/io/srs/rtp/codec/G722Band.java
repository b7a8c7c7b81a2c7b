package io.srs.rtp.codec;

/**
 * The adaptive state of one G.722 sub-band ADPCM (ITU-T G.722 (09/2012), Blocks 3L/3H and 4L/4H):
 * the log scale factor and its linear form (LOGSCL/SCALEL, LOGSCH/SCALEH), and the two-pole
 * six-zero predictor (UPPOL1, UPPOL2, UPZERO, FILTEP, FILTEZ, PREDIC). Encoder and decoder both
 * drive it with the quantised difference, so their predictors stay in lock step. Arithmetic is the
 * spec's: 16-bit saturating adds, arithmetic right shifts.
 */
final class G722Band {

  /** The two sub-bands differ only in the scale factor's range and offset. */
  enum Kind {
    /** LOGSCL limits NBL to 18432; SCALEL offset 8 gives DETL = 32 at NBL = 0. */
    LOWER(18432, 8),
    /** LOGSCH limits NBH to 22528; SCALEH offset 10 gives DETH = 8 at NBH = 0. */
    HIGHER(22528, 10);

    final int maxLogScale;
    final int scaleOffset;

    Kind(int maxLogScale, int scaleOffset) {
      this.maxLogScale = maxLogScale;
      this.scaleOffset = scaleOffset;
    }
  }

  /** Leak factors of LOGSC (127/128), UPPOL2 (127/128) and UPPOL1/UPZERO (255/256), Q15. */
  private static final int LEAK_127_128 = 32512;

  private static final int LEAK_255_256 = 32640;

  /** UPPOL2 limits |A2| to 0.75 (Q14); UPPOL1 limits |A1| to 1 - 2^-4 - A2 (15360 is 0.9375). */
  private static final int A2_LIMIT = 12288;

  private static final int A1_BOUND = 15360;

  private final Kind kind;

  /** S: the signal estimate, SP + SZ (PREDIC). */
  private int s;

  /** SZ: the six-zero section's output (FILTEZ). */
  private int sz;

  /** DET: the linear scale factor (SCALE). */
  private int det;

  /** NB: the log scale factor (LOGSC). */
  private int nb;

  /** A1, A2: the pole coefficients, Q14. */
  private int a1;

  private int a2;

  /** B1..B6 (index 0 unused): the zero coefficients, Q14. */
  private final int[] b = new int[7];

  /** DQ0..DQ6: the quantised differences, newest first (DLT/DH of the spec). */
  private final int[] dq = new int[7];

  /** R1, R2: the two previous reconstructed signals (RLT1, RLT2). */
  private int r1;

  private int r2;

  /** P1, P2: the two previous partially reconstructed signals (PLT1, PLT2). */
  private int p1;

  private int p2;

  G722Band(Kind kind) {
    this.kind = kind;
    reset();
  }

  /** The spec's reset state: all zero, so DET is the scale factor at NB = 0. */
  void reset() {
    s = 0;
    sz = 0;
    nb = 0;
    det = linearScale(0);
    a1 = 0;
    a2 = 0;
    r1 = 0;
    r2 = 0;
    p1 = 0;
    p2 = 0;
    java.util.Arrays.fill(b, 0);
    java.util.Arrays.fill(dq, 0);
  }

  /** The signal estimate this sample is predicted as (SL/SH). */
  int estimate() {
    return s;
  }

  /** The scale factor the current sample is (de)quantised with (DETL/DETH). */
  int scale() {
    return det;
  }

  /**
   * Adapts to one coded sample.
   *
   * @param difference the quantised difference the predictor sees (DLT from INVQAL, DH from
   *     INVQAH), computed with {@link #scale()} before this call
   * @param logScaleStep the LOGSC increment of the code (WL/WH)
   */
  void adapt(int difference, int logScaleStep) {
    // LOGSCL/LOGSCH: NB leaks by 127/128 and steps by the code's weight, within [0, max].
    nb = Math.max(0, Math.min(kind.maxLogScale, ((nb * LEAK_127_128) >> 15) + logScaleStep));
    det = linearScale(nb);

    // RECONS and PARREC: the reconstructed and the partially reconstructed signal.
    int r = sat(s + difference);
    int p = sat(sz + difference);

    // UPPOL2: A2 follows the sign agreement of P with P1 (through A1) and with P2.
    int sg0 = p >> 15;
    int sg1 = p1 >> 15;
    int sg2 = p2 >> 15;
    int wd1 = sat(a1 << 2);
    int wd2 = sg0 == sg1 ? -wd1 : wd1;
    if (wd2 > Short.MAX_VALUE) {
      wd2 = Short.MAX_VALUE;
    }
    int ap2 = (wd2 >> 7) + (sg0 == sg2 ? 128 : -128) + ((a2 * LEAK_127_128) >> 15);
    ap2 = Math.max(-A2_LIMIT, Math.min(A2_LIMIT, ap2));

    // UPPOL1: A1 follows the sign agreement of P with P1, kept inside the stability triangle.
    int ap1 = sat((sg0 == sg1 ? 192 : -192) + ((a1 * LEAK_255_256) >> 15));
    int bound = sat(A1_BOUND - ap2);
    ap1 = Math.max(-bound, Math.min(bound, ap1));

    // UPZERO: each Bi follows the sign agreement of DQ with DQi (no step when DQ is 0).
    int step = difference == 0 ? 0 : 128;
    int sgd = difference >> 15;
    for (int i = 1; i <= 6; i++) {
      int wd = (dq[i] >> 15) == sgd ? step : -step;
      b[i] = sat(wd + ((b[i] * LEAK_255_256) >> 15));
    }

    // DELAYA: shift every delay line by one sample.
    for (int i = 6; i >= 2; i--) {
      dq[i] = dq[i - 1];
    }
    dq[1] = difference;
    a1 = ap1;
    a2 = ap2;
    r2 = r1;
    r1 = r;
    p2 = p1;
    p1 = p;

    // FILTEP, FILTEZ and PREDIC: the estimate of the next sample.
    int sp = sat(((a1 * sat(r1 + r1)) >> 15) + ((a2 * sat(r2 + r2)) >> 15));
    int zeros = 0;
    for (int i = 1; i <= 6; i++) {
      zeros = sat(zeros + ((b[i] * sat(dq[i] + dq[i])) >> 15));
    }
    sz = zeros;
    s = sat(sp + sz);
  }

  /**
   * SCALEL/SCALEH: DET = 2^(NB / 2048) by the ILB antilog table, with the band's offset; the result
   * spans 32..16384 (lower) and 8..16384 (higher).
   */
  private int linearScale(int logScale) {
    int mantissa = G722Tables.ILB[(logScale >> 6) & 31];
    int shift = kind.scaleOffset - (logScale >> 11);
    int linear = shift >= 0 ? mantissa >> shift : mantissa << -shift;
    return linear << 2;
  }

  /** The spec's 16-bit saturation after every add. */
  static int sat(int value) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
  }
}
