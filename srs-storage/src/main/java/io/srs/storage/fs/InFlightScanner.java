package io.srs.storage.fs;

import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds recordings left in flight: directories {@code root/yyyy/MM/dd/<recordingId>/} without a
 * {@code metadata.json}. Only names that fit the layout are entered; the cost is one directory
 * listing per day and one {@code stat} per recording, never a file read.
 */
final class InFlightScanner {

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
  private static final Pattern RECORDING = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{16}");

  /** A directory that looks like a recording and has no sidecar. */
  record InFlight(RecordingId id, Path directory) {}

  /** What a scan saw. */
  record Scan(int recordings, List<InFlight> inFlight) {}

  private InFlightScanner() {}

  /** Every in-flight recording under {@code root}, oldest first; an absent root holds none. */
  static Scan scan(Path root) throws IOException {
    List<InFlight> found = new ArrayList<>();
    int recordings = 0;
    if (!Files.isDirectory(root)) {
      return new Scan(0, found);
    }
    for (Path year : children(root, YEAR)) {
      for (Path month : children(year, TWO_DIGITS)) {
        for (Path day : children(month, TWO_DIGITS)) {
          for (Path recording : children(day, RECORDING)) {
            recordings++;
            if (!Files.exists(recording.resolve(RecordingLayout.SIDECAR))) {
              found.add(
                  new InFlight(new RecordingId(recording.getFileName().toString()), recording));
            }
          }
        }
      }
    }
    return new Scan(recordings, found);
  }

  /** Sub-directories whose name matches, sorted by name (by time, given the layout). */
  private static List<Path> children(Path parent, Pattern name) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        if (name.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry)) {
          children.add(entry);
        }
      }
    }
    children.sort(null);
    return children;
  }
}
