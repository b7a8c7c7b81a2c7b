package io.srs.storage.stereo;

import java.util.Objects;

/**
 * Which track goes on which channel of {@code stereo.wav}, and why.
 *
 * @param left channel 0
 * @param right channel 1
 * @param order {@link #BY_ANI} or {@link #BY_STREAM_INDEX}
 */
public record StereoPlan(StereoTrack left, StereoTrack right, String order) {

  /** Channel 0 carries the calling party: a sender on it has the normalised ANI as its aor. */
  public static final String BY_ANI = "ani";

  /** Channel 0 is the track with the lower stream index. */
  public static final String BY_STREAM_INDEX = "streamIndex";

  public StereoPlan {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    if (left.sampleRate() != right.sampleRate()) {
      throw new IllegalArgumentException(
          "stereo channels must share a sample rate: "
              + left.sampleRate()
              + " Hz and "
              + right.sampleRate()
              + " Hz");
    }
    if (!BY_ANI.equals(order) && !BY_STREAM_INDEX.equals(order)) {
      throw new IllegalArgumentException("unknown stereo order " + order);
    }
  }

  public int sampleRate() {
    return left.sampleRate();
  }
}
