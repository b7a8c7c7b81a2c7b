package io.srs.rtp.timeline;

import java.time.Instant;

/**
 * The common timeline of one session's tracks. Its origin is the arrival of the first packet of any
 * stream, so streams that start later get leading silence and all tracks overlay without alignment
 * work. Confined to the session's event loop.
 *
 * <p>Arrival times are taken when the event loop reads a packet, not when the kernel received it,
 * so a loop stalled on the session's first packets (class loading, a GC pause) would put the origin
 * late, and every wall-clock instant mapped onto the timeline afterwards (a pause, a resume, the
 * BYE, a metadata update) early by the stall. {@link #observe} corrects it: each packet says when
 * its segment's source started at latest (its arrival less its distance from the segment's first
 * timestamp), and the earliest such start over the session's first {@link #ORIGIN_SETTLE_NANOS}
 * becomes the origin. The window is short so that sender clock drift can never walk the origin
 * away.
 */
public final class SessionTimeline {
  static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** How long after the first packet arrivals may still move the origin earlier. */
  static final long ORIGIN_SETTLE_NANOS = 2 * NANOS_PER_SECOND;

  private final Instant openedAt;
  private final long openedNanos;
  private boolean started;
  private long firstArrivalNanos;
  private long originNanos;

  // RFC 3550 §6.4.1: the sender's NTP clock mapped onto this timeline by the first stream that had
  // both a fixed anchor and a sender report. Other streams align to it.
  private boolean senderReference;
  private int senderReferenceStream;
  private long referenceNtpNanos;
  private long referenceTimelineNanos;

  /**
   * @param openedAt when the receivers opened, on the wall clock
   * @param openedNanos the same moment on the monotonic clock used for arrivals
   */
  public SessionTimeline(Instant openedAt, long openedNanos) {
    this.openedAt = openedAt;
    this.openedNanos = openedNanos;
  }

  /** An arrival on the session: the first fixes the origin at its arrival. */
  public void arrived(long arrivalNanos) {
    if (!started) {
      started = true;
      firstArrivalNanos = arrivalNanos;
      originNanos = arrivalNanos;
    }
  }

  /**
   * The sample position of an arrival at {@code sampleRate}: round((arrival − origin) × rate /
   * 1e9). The first call fixes the origin at its arrival.
   */
  public long positionOf(long arrivalNanos, int sampleRate) {
    arrived(arrivalNanos);
    return samplesIn(Math.max(0, arrivalNanos - originNanos), sampleRate);
  }

  /**
   * A packet that arrived at {@code arrivalNanos} says its segment's source started at latest at
   * {@code startNanos} (its arrival less its distance from the segment's first timestamp): the
   * session's origin was at latest then. Moves the origin earlier to that bound during the settle
   * window; never before the receivers opened. Segment anchors are kept on the monotonic clock
   * ({@link SegmentAnchor}), so a stream anchored before the origin moved keeps its distance from
   * the streams that started with the session.
   */
  public void observe(long arrivalNanos, long startNanos) {
    if (!started || arrivalNanos - firstArrivalNanos > ORIGIN_SETTLE_NANOS) {
      return;
    }
    if (startNanos < originNanos) {
      originNanos = Math.max(startNanos, openedNanos);
    }
  }

  /** Whether a stream has mapped the senders' NTP clock onto the timeline. */
  public boolean hasSenderReference() {
    return senderReference;
  }

  /** The stream whose sender report defined the mapping; it is never realigned to itself. */
  public int senderReferenceStream() {
    return senderReferenceStream;
  }

  /**
   * Fixes the mapping: NTP time {@code ntpNanos} of the sender is {@code timelineNanos} after the
   * origin. Later calls are ignored: one reference per session keeps every stream in step with it.
   */
  public void setSenderReference(int stream, long ntpNanos, long timelineNanos) {
    if (!senderReference) {
      senderReference = true;
      senderReferenceStream = stream;
      referenceNtpNanos = ntpNanos;
      referenceTimelineNanos = timelineNanos;
    }
  }

  /**
   * Where sender NTP time {@code ntpNanos} falls on the timeline, in nanoseconds after the origin.
   */
  public long timelineNanosAt(long ntpNanos) {
    return referenceTimelineNanos + (ntpNanos - referenceNtpNanos);
  }

  /** Whether any packet has fixed the origin yet. */
  public boolean started() {
    return started;
  }

  /** The origin on the monotonic clock; the open time while no packet has come. */
  public long originNanos() {
    return started ? originNanos : openedNanos;
  }

  /** The origin on the wall clock: {@code mediaStartedAt} of the report. */
  public Instant origin() {
    return instantAt(originNanos());
  }

  /** Converts a monotonic reading taken during the session to the wall clock. */
  public Instant instantAt(long nanos) {
    return openedAt.plusNanos(nanos - openedNanos);
  }

  /**
   * Where the session ends, in nanoseconds after the origin: the later of {@code nowNanos} and the
   * end of the longest track, so padding every track to it gives them one length.
   */
  public long endNanos(long nowNanos, Iterable<TrackPlacer> tracks) {
    long end = Math.max(0, nowNanos - originNanos());
    for (TrackPlacer track : tracks) {
      end = Math.max(end, nanosOf(track.samplesWritten(), track.sampleRate()));
    }
    return end;
  }

  /** {@code nanos} as a whole number of samples at {@code rate}, rounded half up. */
  public static long samplesIn(long nanos, int rate) {
    if (nanos < 0) {
      return -samplesIn(-nanos, rate); // symmetric rounding for offsets before the origin
    }
    return nanos / NANOS_PER_SECOND * rate
        + (nanos % NANOS_PER_SECOND * rate + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
  }

  /** The duration of {@code samples} at {@code rate} in nanoseconds, rounded half up. */
  public static long nanosOf(long samples, int rate) {
    if (samples < 0) {
      return -nanosOf(-samples, rate);
    }
    return samples / rate * NANOS_PER_SECOND
        + (samples % rate * NANOS_PER_SECOND + rate / 2) / rate;
  }
}
