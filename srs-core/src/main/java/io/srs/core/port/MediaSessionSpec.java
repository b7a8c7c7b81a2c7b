package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.util.List;

/**
 * The media of one recording session.
 *
 * @param mLineCount how many m-lines the offer had: the session's port block spans {@code 2 *
 *     mLineCount} ports so that stream i keeps base + 2i even when some m-lines are declined
 * @param streams the streams we record (a subset of the m-lines)
 * @param inactivityTimeout how long without packets before {@code activity} is told; {@link
 *     Duration#ZERO} never
 * @param activity told when media stops
 * @param pauseMode what a pause does to the timeline
 * @param dtmfMasking silence the audio under RFC 4733 events (PCI) and keep no digits
 */
public record MediaSessionSpec(
    RecordingId id,
    int mLineCount,
    List<MediaStreamSpec> streams,
    Duration inactivityTimeout,
    MediaActivityListener activity,
    PauseMode pauseMode,
    boolean dtmfMasking) {

  /** What a pause does to the tracks. */
  public enum PauseMode {
    /** The paused span is written as silence: the timeline keeps wall-clock time (default). */
    SILENCE,
    /** The paused span is left out: tracks are shorter than the call. */
    CUT
  }

  public MediaSessionSpec {
    streams = List.copyOf(streams);
    for (MediaStreamSpec stream : streams) {
      if (stream.index() < 0 || stream.index() >= mLineCount) {
        throw new IllegalArgumentException(
            "stream index " + stream.index() + " outside 0.." + (mLineCount - 1));
      }
    }
  }

  /** No inactivity timeout, pauses as silence, no masking. */
  public MediaSessionSpec(RecordingId id, int mLineCount, List<MediaStreamSpec> streams) {
    this(
        id,
        mLineCount,
        streams,
        Duration.ZERO,
        MediaActivityListener.NONE,
        PauseMode.SILENCE,
        false);
  }
}
