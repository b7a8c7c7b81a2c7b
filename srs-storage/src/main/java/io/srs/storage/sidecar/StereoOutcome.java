package io.srs.storage.sidecar;

import io.srs.core.metadata.Participant;
import java.util.List;
import java.util.Objects;

/**
 * What became of the optional {@code stereo.wav} ({@code recording.stereo}): written, or skipped
 * with the reason. The sidecar shows it as {@code stereo}; a skip is also a flag.
 *
 * @param fileName the file within the recording, or null when skipped
 * @param sampleRate the rate of both channels, or 0 when skipped
 * @param samples sample frames (per channel), or 0 when skipped
 * @param bytes the file's size, or 0 when skipped
 * @param sha256 the file's SHA-256 as stored, or null when skipped
 * @param order how the channels were ordered: {@code "ani"} or {@code "streamIndex"}, or null
 * @param channels channel 0 then channel 1; empty when skipped
 * @param skipped why no file was written, or null when it was
 */
public record StereoOutcome(
    String fileName,
    int sampleRate,
    long samples,
    long bytes,
    String sha256,
    String order,
    List<Channel> channels,
    String skipped) {

  public StereoOutcome {
    channels = List.copyOf(channels);
    if ((fileName == null) == (skipped == null)) {
      throw new IllegalArgumentException(
          "a stereo outcome is either a file or a skip reason, got file="
              + fileName
              + " skipped="
              + skipped);
    }
  }

  /** No stereo file, and why. */
  public static StereoOutcome skipped(String reason) {
    return new StereoOutcome(
        null, 0, 0, 0, null, null, List.of(), Objects.requireNonNull(reason, "reason"));
  }

  public boolean written() {
    return fileName != null;
  }

  /**
   * One channel of the stereo file.
   *
   * @param channel 0 (left) or 1 (right)
   * @param streamIndex the track it was taken from
   * @param label that track's SDP label
   * @param participants who was heard on it over the call
   */
  public record Channel(
      int channel, int streamIndex, String label, List<Participant> participants) {
    public Channel {
      participants = List.copyOf(participants);
    }
  }
}
