package io.srs.daemon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads what the daemon left in its recordings directory. */
final class RecordingFiles {
  private RecordingFiles() {}

  /** Waits until exactly one sidecar exists under {@code root} and returns its directory. */
  static Path awaitOneRecording(Path root, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Path> sidecars = List.of();
    while (System.nanoTime() < deadline) {
      sidecars = sidecars(root);
      if (!sidecars.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    if (sidecars.size() != 1) {
      throw new AssertionError(
          "expected one metadata.json under "
              + root
              + " within "
              + timeout
              + ", found "
              + sidecars);
    }
    return sidecars.get(0).getParent();
  }

  static List<Path> sidecars(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().equals("metadata.json")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode sidecar(Path recording) throws IOException {
    return new ObjectMapper().readTree(recording.resolve("metadata.json").toFile());
  }

  /** The sidecar's track entry for m-line {@code index}. */
  static JsonNode track(JsonNode sidecar, int index) {
    for (JsonNode track : sidecar.get("tracks")) {
      if (track.get("streamIndex").asInt() == index) {
        return track;
      }
    }
    throw new AssertionError("sidecar has no track " + index + ": " + sidecar.toPrettyString());
  }

  /** The aor of every participant the sidecar names against a track. */
  static List<String> trackAors(JsonNode track) {
    List<String> aors = new java.util.ArrayList<>();
    for (JsonNode participant : track.get("participants")) {
      aors.add(participant.get("aor").asText());
    }
    return aors;
  }
}
