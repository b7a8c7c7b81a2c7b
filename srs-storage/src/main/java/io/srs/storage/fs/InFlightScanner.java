package io.srs.storage.fs;

import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingDirectories;
import io.srs.storage.RecordingLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds recordings left in flight: directories {@code root/yyyy/MM/dd/<recordingId>/} ({@link
 * RecordingDirectories}) without a {@code metadata.json}: one {@code stat} per recording, never a
 * file read.
 */
final class InFlightScanner {

  /** A directory that looks like a recording and has no sidecar. */
  record InFlight(RecordingId id, Path directory) {}

  /** What a scan saw. */
  record Scan(int recordings, List<InFlight> inFlight) {}

  private InFlightScanner() {}

  /** Every in-flight recording under {@code root}, oldest first; an absent root holds none. */
  static Scan scan(Path root) throws IOException {
    List<Path> recordings = RecordingDirectories.under(root);
    List<InFlight> found = new ArrayList<>();
    for (Path recording : recordings) {
      if (!Files.exists(recording.resolve(RecordingLayout.SIDECAR))) {
        found.add(new InFlight(new RecordingId(recording.getFileName().toString()), recording));
      }
    }
    return new Scan(recordings.size(), found);
  }
}
