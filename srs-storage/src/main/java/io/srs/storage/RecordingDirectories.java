package io.srs.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The recording directories of a vault on disk, by {@link RecordingLayout}: {@code
 * root/yyyy/MM/dd/<recordingId>}. Only names that fit the layout are entered; the cost is one
 * directory listing per year, month and day, never a file read. Shared by the start-up recovery
 * pass and {@code srs verify}.
 */
public final class RecordingDirectories {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
  private static final Pattern RECORDING = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{16}");

  private RecordingDirectories() {}

  /** Every recording directory under {@code root}, in name order (by time); none if absent. */
  public static List<Path> under(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path year : children(root, YEAR)) {
      for (Path month : children(year, TWO_DIGITS)) {
        for (Path day : children(month, TWO_DIGITS)) {
          found.addAll(children(day, RECORDING));
        }
      }
    }
    return found;
  }

  /** Sub-directories whose name matches, sorted by name. */
  private static List<Path> children(Path parent, Pattern name) throws IOException {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return children;
    }
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
