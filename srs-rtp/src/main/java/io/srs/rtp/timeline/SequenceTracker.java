package io.srs.rtp.timeline;

/**
 * One stream's RTP sequence numbers (RFC 3550 §A.1), extended to 64 bits: tells a big jump from
 * loss and reordering, believes it only on probation, and counts the packets expected over every
 * sequence segment (a segment ends at an SSRC change, a believed jump or a resume). Confined to the
 * session's event loop; allocates nothing.
 */
final class SequenceTracker {
  /** RFC 3550 §A.1: a forward sequence jump beyond this is a restart, not loss. */
  static final int MAX_DROPOUT = 3000;

  /** RFC 3550 §A.1: a backward sequence jump beyond this is a restart, not reordering. */
  static final int MAX_MISORDER = 100;

  /** What {@link #extend} returns for a jump beyond the bounds: see {@link #confirmsJump}. */
  static final long JUMP = Long.MIN_VALUE;

  private long highest;
  private long lowest;
  private boolean open;
  private long expectedInEarlierSegments;
  private int restartCandidate = -1;

  /** Closes the current segment, counting what it expected, and opens one at {@code sequence}. */
  void restart(int sequence) {
    if (open) {
      expectedInEarlierSegments += highest - lowest + 1;
    }
    open = true;
    highest = sequence;
    lowest = sequence;
    restartCandidate = -1;
  }

  /**
   * The extended sequence number of the 16-bit {@code sequence}, nearest the highest seen; {@link
   * #JUMP} when it lies more than {@link #MAX_DROPOUT} ahead or {@link #MAX_MISORDER} behind.
   */
  long extend(int sequence) {
    long extended = highest + (short) (sequence - highest);
    long jump = extended - highest;
    if (jump > MAX_DROPOUT || jump < -MAX_MISORDER) {
      return JUMP;
    }
    restartCandidate = -1;
    return extended;
  }

  /**
   * RFC 3550 §A.1: a big jump is believed only when the next packet follows it in sequence. True
   * when {@code sequence} is that next packet (the caller then {@link #restart}s at it); otherwise
   * {@code sequence} goes on probation and the caller discards it.
   */
  boolean confirmsJump(int sequence) {
    if (sequence == restartCandidate) {
      return true;
    }
    restartCandidate = (sequence + 1) & 0xFFFF;
    return false;
  }

  /** A packet of the current segment was taken: it widens the span of sequence numbers. */
  void held(long extended) {
    highest = Math.max(highest, extended);
    lowest = Math.min(lowest, extended);
  }

  /** Packets expected so far: each segment's span of sequence numbers, summed. */
  long expected() {
    return expectedInEarlierSegments + (open ? highest - lowest + 1 : 0);
  }
}
