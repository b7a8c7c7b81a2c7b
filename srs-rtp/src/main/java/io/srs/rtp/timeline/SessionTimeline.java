package io.srs.rtp.timeline;

import java.time.Instant;

/**
 * The common timeline of one session's tracks. Its origin is the arrival of the first packet of any
 * stream, so streams that start later get leading silence and all tracks overlay without alignment
 * work. Confined to the session's event loop.
 */
public final class SessionTimeline {
  static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Instant openedAt;
  private final long openedNanos;
  private boolean started;
  private long originNanos;

  /**
   * @param openedAt when the receivers opened, on the wall clock
   * @param openedNanos the same moment on the monotonic clock used for arrivals
   */
  public SessionTimeline(Instant openedAt, long openedNanos) {
    this.openedAt = openedAt;
    this.openedNanos = openedNanos;
  }

  /**
   * The sample position of an arrival at {@code clockRate}: round((arrival − origin) × rate / 1e9).
   * The first call fixes the origin at its arrival.
   */
  public long positionOf(long arrivalNanos, int clockRate) {
    if (!started) {
      started = true;
      originNanos = arrivalNanos;
    }
    return samplesIn(Math.max(0, arrivalNanos - originNanos), clockRate);
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
      end = Math.max(end, nanosOf(track.samplesWritten(), track.clockRate()));
    }
    return end;
  }

  /** {@code nanos} as a whole number of samples at {@code rate}, rounded half up. */
  public static long samplesIn(long nanos, int rate) {
    return nanos / NANOS_PER_SECOND * rate
        + (nanos % NANOS_PER_SECOND * rate + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
  }

  /** The duration of {@code samples} at {@code rate} in nanoseconds, rounded half up. */
  public static long nanosOf(long samples, int rate) {
    return samples / rate * NANOS_PER_SECOND
        + (samples % rate * NANOS_PER_SECOND + rate / 2) / rate;
  }
}
