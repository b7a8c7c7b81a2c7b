package io.srs.rtp.timeline;

/**
 * Where one segment of a stream (a source, from its first packet to an SSRC change, a timestamp
 * jump or a pause) sits on the track: position = anchor + (RTP timestamp − anchor timestamp) ×
 * samples per tick (RFC 3550 §5.1).
 *
 * <p>Anchoring by arrival time, robust to jitter: network delay only ever adds to a packet's
 * transit, so the least-delayed packet tells the segment's true timing best. Each packet says the
 * source sent the anchor timestamp at latest at {@code arrival − (its timestamp − anchor timestamp)
 * × samplesPerTick / rate}, and the minimum wins. That start is kept on the monotonic clock, not as
 * a track position: the session's origin may still move earlier ({@link SessionTimeline#observe})
 * and an estimate made against the old origin would put the segment early by as much.
 *
 * <p>Settling ends after {@link #SETTLE_PACKETS} packets or {@link #SETTLE_NANOS} after the first,
 * or at the segment's first write, whichever comes first; the anchor is then fixed at the estimate
 * less the origin. No drift: nothing of the segment is written while it settles. The reorder window
 * holds packets for its depth (8 packets by default, the same as the packet bound), so the estimate
 * is normally complete when the segment's first packet leaves the window; a flush (pause, close, a
 * new segment) settles it early on what was seen. From then on the anchor only moves later: when
 * the origin moves earlier under it ({@link #followOrigin}), or by an RTCP sender-report correction
 * ({@link #shift}), so every packet of the segment is placed by the same anchor and the track
 * cannot drift or overlap itself.
 */
final class SegmentAnchor {
  /** Packets whose arrival feeds the estimate. */
  static final int SETTLE_PACKETS = 8;

  /** How long after the segment's first arrival packets still feed the estimate. */
  static final long SETTLE_NANOS = 200_000_000L;

  private final SessionTimeline timeline;
  private final int sampleRate;
  private long timestamp;
  private int samplesPerTick = 1;
  private long cutSamples;
  private long estimateNanos;
  private long earliestNanos;
  private long position;
  private long followed;
  private boolean settled;
  private int observed;
  private long firstArrivalNanos;

  /**
   * @param timeline the session's timeline, whose origin positions are counted from
   * @param sampleRate the stored sample rate of the track
   */
  SegmentAnchor(SessionTimeline timeline, int sampleRate) {
    this.timeline = timeline;
    this.sampleRate = sampleRate;
  }

  /**
   * Opens a segment at its first audio packet.
   *
   * @param cut samples that pauses cut out of the track before the segment ({@link TrackPause})
   */
  void begin(long extendedTimestamp, int ticksToSamples, long arrivalNanos, long cut) {
    timestamp = extendedTimestamp;
    samplesPerTick = ticksToSamples;
    cutSamples = cut;
    estimateNanos = arrivalNanos;
    earliestNanos = arrivalNanos;
    observed = 1;
    firstArrivalNanos = arrivalNanos;
    settled = false;
  }

  /**
   * A later audio packet of the segment: feeds the estimate while the segment settles, and the
   * earliest start ever seen ({@link #startNanos}) always.
   */
  void observe(long extendedTimestamp, long arrivalNanos) {
    long start =
        arrivalNanos
            - SessionTimeline.nanosOf((extendedTimestamp - timestamp) * samplesPerTick, sampleRate);
    earliestNanos = Math.min(earliestNanos, start);
    if (settled || observed >= SETTLE_PACKETS || arrivalNanos - firstArrivalNanos > SETTLE_NANOS) {
      return;
    }
    observed++;
    estimateNanos = Math.min(estimateNanos, start);
  }

  /**
   * When the source sent the anchor timestamp at latest, on the monotonic clock: the least-delayed
   * packet of the segment so far says so. The session cannot have begun later than that.
   */
  long startNanos() {
    return earliestNanos;
  }

  /** Fixes the anchor at the estimate, against the origin of now: before the first write. */
  void settle() {
    position = startPosition(estimateNanos);
    followed = position;
    settled = true;
  }

  boolean settled() {
    return settled;
  }

  /** Where {@code extendedTimestamp} falls on the track, in stored samples. */
  long positionOf(long extendedTimestamp) {
    return (settled ? position : startPosition(estimateNanos))
        + (extendedTimestamp - timestamp) * samplesPerTick;
  }

  /** Moves the fixed anchor by {@code samples} (never while settling). */
  void shift(long samples) {
    position += samples;
  }

  /**
   * Keeps a settled anchor where its start is once the origin moved earlier under it: the segment's
   * start, less the origin of now, may lie later than the anchor was put; it then moves later by as
   * much. A segment that began with the session (its start is the origin) never moves, nor is a
   * correction undone: only the growth of the start's distance from the origin is applied.
   *
   * @return the shift applied, in samples (0 or more)
   */
  long followOrigin() {
    if (!settled) {
      return 0;
    }
    long wanted = startPosition(earliestNanos);
    if (wanted <= followed) {
      return 0;
    }
    long shift = wanted - followed;
    followed = wanted;
    position += shift;
    return shift;
  }

  /** Records that the first write put the anchor {@code samples} later than its start. */
  void clamped(long samples) {
    position += samples;
    followed = Math.max(followed, position);
  }

  int samplesPerTick() {
    return samplesPerTick;
  }

  private long startPosition(long startNanos) {
    return SessionTimeline.samplesIn(startNanos - timeline.originNanos(), sampleRate) - cutSamples;
  }
}
