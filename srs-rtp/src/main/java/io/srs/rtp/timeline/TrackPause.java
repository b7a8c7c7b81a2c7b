package io.srs.rtp.timeline;

import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;

/**
 * What a pause (the SRC's {@code a=inactive}, or hold) does to one track. Nothing is expected while
 * paused. In {@link PauseMode#SILENCE} the paused wall-clock span becomes a PAUSE/HOLD gap at
 * resume. In {@link PauseMode#CUT} the span is left out: the track's later audio sits that much
 * earlier than the other tracks' audio of the same moment ({@link #cutSamples}; they no longer
 * overlay after the cut, and the track is padded at its end to the common length), and a
 * zero-length gap marks the cut's offset. Confined to the session's event loop; allocates nothing.
 */
final class TrackPause {
  private final PauseMode mode;
  private final int sampleRate;
  private final SessionTimeline timeline;
  private final TrackOutput out;
  private final TimelineLog log;
  private boolean paused;
  private GapCause cause = GapCause.PAUSE;
  private long pausedAtNanos;
  private long cutSamples;

  TrackPause(
      PauseMode mode, int sampleRate, SessionTimeline timeline, TrackOutput out, TimelineLog log) {
    this.mode = mode;
    this.sampleRate = sampleRate;
    this.timeline = timeline;
    this.out = out;
    this.log = log;
  }

  boolean paused() {
    return paused;
  }

  /** Whether a pause under way will be written as silence: padding it is the pause's gap. */
  boolean silencing() {
    return paused && mode == PauseMode.SILENCE;
  }

  /** {@link GapCause#PAUSE} or {@link GapCause#HOLD}: the latest pause's. */
  GapCause cause() {
    return cause;
  }

  /** Samples that pauses cut out of the track ({@link PauseMode#CUT}). */
  long cutSamples() {
    return cutSamples;
  }

  /** Where an arrival falls on this track: the session position, less what pauses cut out. */
  long arrivalPosition(long arrivalNanos) {
    return timeline.positionOf(arrivalNanos, sampleRate) - cutSamples;
  }

  void begin(GapCause pauseCause, long nowNanos) {
    paused = true;
    cause = pauseCause;
    pausedAtNanos = nowNanos;
  }

  /** Ends the pause at {@code nowNanos}: writes the paused span (SILENCE) or cuts it (CUT). */
  void end(long nowNanos) {
    paused = false;
    if (!timeline.started()) {
      return; // nothing placed on any stream yet: the lead-in will cover the pause
    }
    if (mode == PauseMode.SILENCE) {
      long resumedAt = arrivalPosition(nowNanos);
      if (resumedAt > out.written()) {
        out.gap(resumedAt - out.written(), cause);
      }
    } else {
      log.gap(out.written(), 0, cause); // marks where the paused span was cut out
      cutSamples += SessionTimeline.samplesIn(Math.max(0, nowNanos - pausedAtNanos), sampleRate);
    }
  }
}
