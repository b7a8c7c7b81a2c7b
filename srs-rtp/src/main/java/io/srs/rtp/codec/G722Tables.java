package io.srs.rtp.codec;

/**
 * The constant tables of ITU-T G.722 (09/2012), 64 kbit/s mode. Values are the spec's integers:
 * multipliers are Q15 unless said otherwise, so {@code (det * table[code]) >> 15} is the spec's
 * "multiply by the scale factor".
 */
final class G722Tables {
  private G722Tables() {}

  /**
   * The 24-tap QMF of Table 11/G.722 (h0..h23, symmetric, times 2^13). The even taps and the odd
   * taps each sum to 4096: half the DC gain goes through each polyphase branch.
   */
  static final int[] QMF = {
    3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876, //
    3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3
  };

  /**
   * QUANTL decision levels Q6(1..29), compared as {@code (Q6 * DETL) >> 12}; 29 levels split |EL|
   * into 30 intervals, each with a positive and a negative 6-bit code.
   */
  static final int[] Q6 = {
    0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714, 786, 858, 940, 1023,
    1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919
  };

  /** QUANTL: the 6-bit code of interval k (1..30) for a negative EL (ILN). */
  static final int[] ILN = {
    0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11,
    10, 9, 8, 7, 6, 5, 4
  };

  /** QUANTL: the 6-bit code of interval k (1..30) for a non-negative EL (ILP). */
  static final int[] ILP = {
    0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39,
    38, 37, 36, 35, 34, 33, 32
  };

  /**
   * INVQBL (Block 5L), 64 kbit/s mode: the 6-bit inverse quantiser QQ6 that makes the decoder's
   * output. Codes 0..3 are never sent by an encoder; they decode to the smallest negative step.
   */
  static final int[] QM6 = {
    -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232,
    -9360, -8576, -7856, -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776,
    -2400, -2032, -1688, -1360, -1040, -728, 24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
    10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456, 4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
    1688, 1360, 1040, 728, 432, 136, -432, -136
  };

  /**
   * INVQAL (Block 2L): the 4-bit inverse quantiser QQ4, indexed by the code's top four bits. Both
   * ends feed the predictor from it, so the 2 low bits (droppable in the 56/48 kbit/s modes) never
   * desynchronise encoder and decoder.
   */
  static final int[] QM4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584,
    1200, 0
  };

  /** LOGSCL (Block 3L): the log scale-factor step WL, indexed through {@link #RL42}. */
  static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

  /** LOGSCL: the magnitude class of each 4-bit code (RIL to IL4). */
  static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};

  /** QUANTH (Block 1H): decision level Q2 compared as {@code (564 * DETH) >> 12}. */
  static final int Q2 = 564;

  /** INVQAH (Block 2H): the 2-bit inverse quantiser QQ2, indexed by IH. */
  static final int[] QM2 = {-7408, -1616, 7408, 1616};

  /** LOGSCH (Block 3H): the log scale-factor step WH, indexed through {@link #RH2}. */
  static final int[] WH = {0, -214, 798};

  /** LOGSCH: the magnitude class of each 2-bit code (IH to IH2). */
  static final int[] RH2 = {2, 1, 2, 1};

  /**
   * SCALEL/SCALEH: the antilog table ILB, 2^(i/32) times 2048 for the 5 fractional bits of the log
   * scale factor.
   */
  static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008
  };
}
