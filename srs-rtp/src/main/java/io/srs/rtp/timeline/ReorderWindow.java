package io.srs.rtp.timeline;

import java.util.Arrays;

/**
 * A fixed-depth reorder buffer over extended sequence numbers. It holds up to {@code capacity}
 * packets in preallocated slots and releases them in sequence order: a packet leaves when one
 * {@code capacity} sequence numbers later arrives, so a missing packet is declared lost once the
 * window is full, or at {@link #flush}. Not thread-safe: confined to one event loop.
 */
final class ReorderWindow {
  /** The deepest window allowed; also bounds the release history below. */
  static final int MAX_CAPACITY = 64;

  private static final long EMPTY = Long.MIN_VALUE;

  /** Receives what leaves the window, in sequence order. */
  interface Output {
    /**
     * @param kind what the packet is: a format index (0..) of {@link TrackFormats} or one of its
     *     negative kinds
     */
    void release(long sequence, long timestamp, int kind, byte[] payload, int length);

    void lost(long sequence);
  }

  /** What became of an offered packet. */
  enum Outcome {
    HELD,
    /** A second copy of a packet that is held or was released. */
    DUPLICATE,
    /** Its sequence number was already declared lost, or is too old to tell. */
    LATE
  }

  private final int capacity;
  private final byte[][] payloads;
  private final int[] lengths;
  private final long[] sequences;
  private final long[] timestamps;
  private final int[] kinds;
  private boolean started;
  private boolean advanced;
  private long next;
  private long highest;

  /** Bit i is set when sequence {@code next - 1 - i} was released (not lost): tells dups. */
  private long releasedHistory;

  ReorderWindow(int capacity, int maxPayloadBytes) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "reorder window must hold 1.." + MAX_CAPACITY + " packets, was " + capacity);
    }
    this.capacity = capacity;
    this.payloads = new byte[capacity][maxPayloadBytes];
    this.lengths = new int[capacity];
    this.sequences = new long[capacity];
    this.timestamps = new long[capacity];
    this.kinds = new int[capacity];
    Arrays.fill(sequences, EMPTY);
  }

  /**
   * Takes a packet. {@code source} is read only when the packet is held; it may be null when {@code
   * length} is 0.
   */
  Outcome offer(
      long sequence,
      long timestamp,
      int kind,
      PayloadSource source,
      int sourceIndex,
      int length,
      Output out) {
    if (!started) {
      started = true;
      next = sequence;
      highest = sequence;
    }
    if (sequence < next) {
      if (!advanced && highest - sequence < capacity) {
        next = sequence; // reordered at the very start: nothing has left yet, so widen backwards
      } else {
        long age = next - 1 - sequence;
        boolean released = age < Long.SIZE && (releasedHistory >>> age & 1) != 0;
        return released ? Outcome.DUPLICATE : Outcome.LATE;
      }
    }
    while (sequence - next >= capacity) {
      advance(out);
    }
    int slot = slot(sequence);
    if (sequences[slot] == sequence) {
      return Outcome.DUPLICATE;
    }
    sequences[slot] = sequence;
    timestamps[slot] = timestamp;
    kinds[slot] = kind;
    lengths[slot] = length;
    if (length > 0) {
      source.copy(sourceIndex, payloads[slot], 0, length);
    }
    if (sequence > highest) {
      highest = sequence;
    }
    return Outcome.HELD;
  }

  /** Releases everything held, declaring the holes lost. */
  void flush(Output out) {
    if (started) {
      while (next <= highest) {
        advance(out);
      }
    }
  }

  /** Forgets the sequence space after a {@link #flush}: the next offer starts a new one. */
  void restart() {
    started = false;
    advanced = false;
    releasedHistory = 0;
  }

  private void advance(Output out) {
    int slot = slot(next);
    boolean present = sequences[slot] == next;
    if (present) {
      sequences[slot] = EMPTY;
      out.release(next, timestamps[slot], kinds[slot], payloads[slot], lengths[slot]);
    } else {
      out.lost(next);
    }
    releasedHistory = releasedHistory << 1 | (present ? 1 : 0);
    advanced = true;
    next++;
  }

  private int slot(long sequence) {
    return (int) Math.floorMod(sequence, (long) capacity);
  }
}
