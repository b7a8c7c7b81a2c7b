package io.srs.rtp.timeline;

/**
 * The timestamp line of one stream's current segment and the {@link SegmentAnchor} that puts it on
 * the track (RFC 3550 §5.1). It extends 32-bit timestamps against the highest seen, and tells when
 * an audio packet breaks the line — a step backwards, a leap forwards beyond {@link
 * #MAX_FORWARD_JUMP_SECONDS}, or another clock rate (RFC 7160: a clock change breaks the timestamp
 * line) — so the placer ends the segment and anchors a new one by arrival time. A new segment's
 * first packet never lands behind what the track already holds ({@link #place}). Confined to the
 * session's event loop; allocates nothing.
 */
final class SegmentTracker {
  /** A timestamp leap forward beyond this many seconds re-anchors by arrival time. */
  static final int MAX_FORWARD_JUMP_SECONDS = 10;

  private final SegmentAnchor anchor;
  private boolean needsAnchor;
  private long highestAudioSequence;
  private long highestTimestamp;
  private int clockRate;
  private boolean unplaced;

  /**
   * @param timeline the session's timeline, whose origin positions are counted from
   * @param sampleRate the stored sample rate of the track
   */
  SegmentTracker(SessionTimeline timeline, int sampleRate) {
    anchor = new SegmentAnchor(timeline, sampleRate);
  }

  SegmentAnchor anchor() {
    return anchor;
  }

  /** Whether the current segment has its anchor (false from {@link #close} to {@link #begin}). */
  boolean anchored() {
    return !needsAnchor;
  }

  /** The sequence restarted: the next audio packet anchors a new segment. */
  void close() {
    needsAnchor = true;
  }

  /** {@code timestamp} (unsigned 32-bit) extended against the highest seen in the segment. */
  long extend(long timestamp) {
    return needsAnchor ? timestamp : highestTimestamp + (int) (timestamp - highestTimestamp);
  }

  /**
   * Opens a segment at its first audio packet, anchored by its arrival.
   *
   * @param cutSamples samples that pauses cut out of the track so far ({@link TrackPause})
   */
  void begin(
      long extendedSequence,
      long extendedTimestamp,
      int samplesPerTick,
      int segmentClockRate,
      long arrivalNanos,
      long cutSamples) {
    anchor.begin(extendedTimestamp, samplesPerTick, arrivalNanos, cutSamples);
    clockRate = segmentClockRate;
    highestTimestamp = extendedTimestamp;
    highestAudioSequence = extendedSequence;
    unplaced = true;
    needsAnchor = false;
  }

  /** Whether an audio packet is newer than every audio packet of the segment so far. */
  boolean isNewest(long extendedSequence) {
    return extendedSequence > highestAudioSequence;
  }

  /**
   * Whether the newest audio packet breaks the segment's timestamp line (see the class comment).
   */
  boolean breaks(long extendedTimestamp, int packetClockRate) {
    long leap = extendedTimestamp - highestTimestamp;
    return leap < 0
        || leap > (long) MAX_FORWARD_JUMP_SECONDS * clockRate
        || packetClockRate != clockRate;
  }

  /** The newest audio packet continues the line. */
  void advance(long extendedSequence, long extendedTimestamp) {
    highestTimestamp = extendedTimestamp;
    highestAudioSequence = extendedSequence;
  }

  /** The highest extended timestamp of the segment's audio. */
  long highestTimestamp() {
    return highestTimestamp;
  }

  /**
   * Where a released packet at {@code position} goes when the track holds {@code written} samples:
   * the segment's first packet never lands behind what is written (the anchor shifts instead);
   * later packets stay where the anchor puts them.
   */
  long place(long position, long written) {
    if (!unplaced) {
      return position;
    }
    unplaced = false;
    if (position < written) {
      anchor.clamped(written - position);
      return written;
    }
    return position;
  }
}
