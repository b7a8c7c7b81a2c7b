package io.srs.rtp.port;

import io.srs.core.port.MediaUnavailableException;
import java.util.BitSet;

/**
 * Hands out contiguous blocks of even/odd port pairs from an inclusive range. Thread-safe: SIP
 * threads allocate concurrently and event loops release; each call holds one small lock for a scan
 * of a bit set, never for I/O.
 *
 * <p>Allocation is next-fit: the search starts after the last block handed out, so a block just
 * released is not reused at once and stray packets of an ended call do not land in a new one.
 */
public final class PortBlockAllocator {
  private final int portMin;
  private final int totalPairs;
  private final BitSet used;
  private int cursor;
  private int usedPairs;

  /**
   * @param portMin the first port, even
   * @param portMax the last port that may be used, inclusive; an even {@code portMax} leaves its
   *     pair out because its RTCP port would fall outside the range
   */
  public PortBlockAllocator(int portMin, int portMax) {
    if (portMin % 2 != 0 || portMin >= portMax) {
      throw new IllegalArgumentException(
          "port range must start even and end above its start: " + portMin + ".." + portMax);
    }
    this.portMin = portMin;
    this.totalPairs = (portMax - portMin + 1) / 2;
    this.used = new BitSet(totalPairs);
  }

  /** Reserves {@code pairs} adjacent pairs. */
  public PortBlock allocate(int pairs) throws MediaUnavailableException {
    if (pairs < 1) {
      throw new IllegalArgumentException("a block needs at least one pair: " + pairs);
    }
    synchronized (this) {
      int first = find(pairs, cursor, totalPairs);
      if (first < 0) {
        first = find(pairs, 0, cursor);
      }
      if (first < 0) {
        throw new MediaUnavailableException(
            "no block of "
                + pairs
                + " free RTP/RTCP port pairs in "
                + portMin
                + ".."
                + (portMin + 2 * totalPairs - 1)
                + " ("
                + (totalPairs - usedPairs)
                + " of "
                + totalPairs
                + " pairs free, fragmented or exhausted)");
      }
      used.set(first, first + pairs);
      usedPairs += pairs;
      cursor = first + pairs == totalPairs ? 0 : first + pairs;
      return new PortBlock(portMin + 2 * first, pairs);
    }
  }

  /** Returns a block handed out by {@link #allocate}; releasing it twice is a bug. */
  public void release(PortBlock block) {
    int first = (block.basePort() - portMin) / 2;
    synchronized (this) {
      if (first < 0
          || first + block.pairs() > totalPairs
          || used.nextClearBit(first) < first + block.pairs()) {
        throw new IllegalStateException("port block " + block + " is not allocated here");
      }
      used.clear(first, first + block.pairs());
      usedPairs -= block.pairs();
    }
  }

  /** Pairs not held by any block. */
  public synchronized int freePairs() {
    return totalPairs - usedPairs;
  }

  public int totalPairs() {
    return totalPairs;
  }

  /** The first index in [from, limit) that starts {@code pairs} free pairs, or -1. */
  private int find(int pairs, int from, int limit) {
    int start = used.nextClearBit(from);
    while (start + pairs <= totalPairs && start < limit) {
      int nextUsed = used.nextSetBit(start);
      if (nextUsed < 0 || nextUsed >= start + pairs) {
        return start;
      }
      start = used.nextClearBit(nextUsed);
    }
    return -1;
  }
}
