package io.srs.rtp.srtp;

/**
 * The replay list of one source (RFC 3711 §3.3.2): a sliding window over the highest index received
 * so far and the 127 before it, as a 128-bit mask in two longs. Bit {@code d} says that index
 * {@code highest - d} was received. An index below the window is rejected: its packet may have been
 * received already and we can no longer tell (RFC 3711 §3.3.2; libsrtp uses 128 too).
 *
 * <p>{@link #accepts} only looks; {@link #update} records, and is called once the packet has
 * authenticated, so a forged packet never moves the window.
 */
final class ReplayWindow {

  /** Packets the window remembers: RFC 3711 §3.3.2 asks for at least 64. */
  static final int SIZE = 128;

  private long highest = -1;
  private long low; // bits 0..63: highest - 0 .. highest - 63
  private long high; // bits 64..127

  /** True when {@code index} is new: ahead of the window, or inside it and not yet received. */
  boolean accepts(long index) {
    if (highest < 0 || index > highest) {
      return true;
    }
    long delta = highest - index;
    if (delta >= SIZE) {
      return false; // too old to tell
    }
    return delta < 64 ? (low & 1L << delta) == 0 : (high & 1L << (delta - 64)) == 0;
  }

  /** Records {@code index} as received; the caller checked {@link #accepts} first. */
  void update(long index) {
    if (highest < 0) {
      highest = index;
      low = 1;
      high = 0;
      return;
    }
    if (index > highest) {
      shift(index - highest);
      highest = index;
      low |= 1;
      return;
    }
    long delta = highest - index;
    if (delta < 64) {
      low |= 1L << delta;
    } else if (delta < SIZE) {
      high |= 1L << (delta - 64);
    }
  }

  void reset() {
    highest = -1;
    low = 0;
    high = 0;
  }

  void copyFrom(ReplayWindow other) {
    highest = other.highest;
    low = other.low;
    high = other.high;
  }

  /** The highest index received, or -1 before the first. */
  long highest() {
    return highest;
  }

  /** Moves the window forward by {@code by} indexes (a 128-bit shift left). */
  private void shift(long by) {
    if (by >= SIZE) {
      low = 0;
      high = 0;
    } else if (by >= 64) {
      high = by == 64 ? low : low << (by - 64);
      low = 0;
    } else {
      high = high << by | low >>> (64 - by);
      low <<= by;
    }
  }
}
