package io.srs.rtp.timeline;

/**
 * Where one segment of a stream (a source, from its first packet to an SSRC change, a timestamp
 * jump or a pause) sits on the track: position = anchor + (RTP timestamp − anchor timestamp) ×
 * samples per tick (RFC 3550 §5.1).
 *
 * <p>Anchoring by arrival time, robust to jitter: network delay only ever adds to a packet's
 * transit, so the least-delayed packet tells the segment's true timing best. Each packet offered
 * while the segment settles proposes {@code arrival position − (its timestamp − anchor timestamp) ×
 * samplesPerTick}, and the minimum wins. Settling ends after {@link #SETTLE_PACKETS} packets or
 * {@link #SETTLE_NANOS} after the first, or at the segment's first write, whichever comes first.
 *
 * <p>No drift: nothing of the segment is written while it settles. The reorder window holds packets
 * for its depth (8 packets by default, the same as the packet bound), so the estimate is normally
 * complete when the segment's first packet leaves the window; a flush (pause, close, a new segment)
 * settles it early on what was seen. From then on the anchor is fixed, so every packet of the
 * segment is placed by the same anchor and the track cannot drift or overlap itself; only an RTCP
 * sender-report correction ({@link #shift}) moves it later.
 */
final class SegmentAnchor {
  /** Packets whose arrival feeds the estimate. */
  static final int SETTLE_PACKETS = 8;

  /** How long after the segment's first arrival packets still feed the estimate. */
  static final long SETTLE_NANOS = 200_000_000L;

  private long timestamp;
  private int samplesPerTick = 1;
  private long estimate;
  private long position;
  private boolean settled;
  private int observed;
  private long firstArrivalNanos;

  /** Opens a segment at its first audio packet. */
  void begin(long extendedTimestamp, int ticksToSamples, long arrivalPosition, long arrivalNanos) {
    timestamp = extendedTimestamp;
    samplesPerTick = ticksToSamples;
    estimate = arrivalPosition;
    observed = 1;
    firstArrivalNanos = arrivalNanos;
    settled = false;
  }

  /** A later audio packet of the segment, while it settles. */
  void observe(long extendedTimestamp, long arrivalPosition, long arrivalNanos) {
    if (settled || observed >= SETTLE_PACKETS || arrivalNanos - firstArrivalNanos > SETTLE_NANOS) {
      return;
    }
    observed++;
    estimate =
        Math.min(estimate, arrivalPosition - (extendedTimestamp - timestamp) * samplesPerTick);
  }

  /** Fixes the anchor at the estimate: called before the segment's first write. */
  void settle() {
    position = estimate;
    settled = true;
  }

  boolean settled() {
    return settled;
  }

  /** Where {@code extendedTimestamp} falls on the track, in stored samples. */
  long positionOf(long extendedTimestamp) {
    return (settled ? position : estimate) + (extendedTimestamp - timestamp) * samplesPerTick;
  }

  /** Moves the fixed anchor by {@code samples} (never while settling). */
  void shift(long samples) {
    position += samples;
  }

  int samplesPerTick() {
    return samplesPerTick;
  }
}
