package io.srs.rtp.timeline;

/**
 * The synchronization sources one stream has carried (RFC 3550 §3, SSRC): the first, the current,
 * and the one before the latest change, whose stragglers are late packets rather than a change
 * back. A change (a transfer, an SBC re-anchoring media) is logged once, where the new source's
 * first sample lands on the track. Confined to the session's event loop; allocates nothing per
 * packet.
 */
final class SourceTracker {
  private boolean started;
  private long ssrc;
  private long previous = -1;
  private long first = -1;
  private long firstArrivalNanos;
  private int changes;
  private boolean changePending;
  private long changeArrivalNanos;

  /** Whether {@code packetSsrc} is the current source. */
  boolean isCurrent(long packetSsrc) {
    return started && packetSsrc == ssrc;
  }

  /** Whether {@code packetSsrc} is the source before the latest change: a straggler. */
  boolean isPrevious(long packetSsrc) {
    return started && packetSsrc == previous;
  }

  /** {@code newSsrc} takes over (or starts the stream) with a packet arriving at {@code nanos}. */
  void begin(long newSsrc, long arrivalNanos) {
    if (started) {
      previous = ssrc;
      changes++;
      changePending = true;
      changeArrivalNanos = arrivalNanos;
    } else {
      started = true;
      first = newSsrc;
      firstArrivalNanos = arrivalNanos;
    }
    ssrc = newSsrc;
  }

  /** Logs a change not logged yet: the current source's first sample goes to {@code position}. */
  void logChange(long position, TimelineLog log, SessionTimeline timeline) {
    if (changePending) {
      changePending = false;
      log.ssrcChange(position, previous, ssrc, timeline.instantAt(changeArrivalNanos));
    }
  }

  /** The current source (meaningful once started). */
  long current() {
    return ssrc;
  }

  /** The stream's first source, or -1 before its first audio packet. */
  long first() {
    return first;
  }

  /** When the first source's first packet arrived, on the session's monotonic clock. */
  long firstArrivalNanos() {
    return firstArrivalNanos;
  }

  /** How many times the source changed. */
  int changes() {
    return changes;
  }
}
