package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.util.List;

/**
 * A recording as it lies in the vault.
 *
 * @param location the recording's directory or prefix
 * @param sidecar the sidecar's name within the location ({@code metadata.json})
 */
public record StoredRecording(
    RecordingId id, String location, String sidecar, List<StoredTrack> tracks) {
  public StoredRecording {
    tracks = List.copyOf(tracks);
  }

  /**
   * One stored track file.
   *
   * @param fileName the file's name within the recording's location
   * @param bytes the file's size, header included
   * @param samples the samples in the track
   * @param sha256 the file's SHA-256, lower-case hex
   */
  public record StoredTrack(
      int streamIndex, String label, String fileName, long bytes, long samples, String sha256) {}
}
