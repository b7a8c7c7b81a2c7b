package io.srs.rtp.srtp;

/**
 * The receiver's view of one source's packet index (RFC 3711 §3.3.1): the rollover counter ROC (how
 * often the 16-bit sequence number wrapped) and s_l, the highest sequence number received. The
 * index of a packet is 2^16 * v + SEQ, where v is estimated as in RFC 3711 Appendix A:
 *
 * <pre>
 *   if s_l &lt; 2^15:  v = (SEQ - s_l &gt; 2^15) ? ROC - 1 : ROC
 *   else:           v = (s_l - 2^15 &gt; SEQ) ? ROC + 1 : ROC
 * </pre>
 *
 * {@link #estimate} does not change anything; {@link #update} commits an index once its packet
 * authenticated (§3.3.1: ROC and s_l are updated only then).
 */
final class RolloverCounter {
  private static final int HALF = 1 << 15;
  private static final long ROC_MASK = 0xFFFF_FFFFL;

  private long roc;
  private int highestSequence = -1;

  /** A counter that has seen no packet: the first one sets s_l, with ROC 0 (RFC 3711 §3.3.1). */
  RolloverCounter() {}

  /**
   * The 48-bit index of a packet with sequence number {@code seq} (0..65535), or -1 when it would
   * precede the source's first packet across a wrap (ROC - 1 with ROC = 0): such an index is
   * unknowable, and the packet is older than anything this context has seen.
   */
  long estimate(int seq) {
    if (highestSequence < 0) {
      return seq;
    }
    long v = roc;
    if (highestSequence < HALF) {
      if (seq - highestSequence > HALF) {
        v = roc - 1;
      }
    } else if (highestSequence - HALF > seq) {
      v = roc + 1;
    }
    if (v < 0) {
      return -1;
    }
    return (v & ROC_MASK) << 16 | seq;
  }

  /** Commits the index of an authenticated packet: ROC and s_l move forward, never back. */
  void update(long index) {
    long v = index >>> 16;
    int seq = (int) (index & 0xFFFF);
    if (highestSequence < 0 || v > roc) {
      roc = v;
      highestSequence = seq;
    } else if (v == roc && seq > highestSequence) {
      highestSequence = seq;
    }
  }

  /** The rollover counter: the index's upper 32 bits. */
  long roc() {
    return roc;
  }

  /** s_l, or -1 before the first packet. */
  int highestSequence() {
    return highestSequence;
  }

  /** Starts from a known point, for a sender or for a context that continues another's. */
  void set(long roc, int highestSequence) {
    this.roc = roc;
    this.highestSequence = highestSequence;
  }
}
