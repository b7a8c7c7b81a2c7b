package io.srs.storage.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.storage.RecordingDirectories;
import io.srs.storage.RecordingLayout;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.ledger.LedgerProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code srs verify}'s work: walks the ledger and recomputes its chain, re-hashes each ledgered
 * recording's {@code metadata.json} and every file it lists, then looks for finalised recordings
 * the ledger does not name. Read-only, and safe beside a running recorder: the ledger is read
 * before the directories are scanned, and a recorder appends a recording's entry after its {@code
 * metadata.json} is durable and before it removes {@code inflight.json}; so a directory found with
 * a {@code metadata.json} and no {@code inflight.json} has its entry in the ledger by the time the
 * scan saw it, and a re-read of the ledger's new lines finds it. A directory with both files is
 * still finalising: it is given {@link Options#settle} to appear before it is named unledgered.
 */
public final class LedgerVerifier {

  /** The largest metadata.json read back; a sidecar is kilobytes, a long call's tens of them. */
  static final long MAX_SIDECAR_BYTES = 16L * 1024 * 1024;

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");
  private static final Duration POLL = Duration.ofMillis(100);

  private final ObjectMapper json = new ObjectMapper();

  /**
   * What to check.
   *
   * @param recordingId only this recording's files (the chain is walked whole); null for all
   * @param since only recordings filed on or after this UTC day (older days may be past retention);
   *     null for all
   * @param settle how long a recording still finalising may take to appear in the ledger
   */
  public record Options(String recordingId, LocalDate since, Duration settle) {
    public static final Options ALL = new Options(null, null, Duration.ofSeconds(5));
  }

  /**
   * The outcome.
   *
   * @param entries ledger entries read
   * @param recordings ledgered recordings whose files were checked
   * @param filesChecked files re-hashed, metadata.json included
   * @param bytesHashed their bytes
   * @param head the last intact entry's hash: worth keeping off the machine, so the ledger can be
   *     proved not rewritten since
   */
  public record Report(
      Path ledger,
      long entries,
      long recordings,
      long filesChecked,
      long bytesHashed,
      String head,
      List<LedgerProblem> problems) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean intact() {
      return problems.isEmpty();
    }
  }

  private long files;
  private long bytes;

  /** Verifies the vault at {@code root}. */
  public Report verify(Path root, Options options) throws IOException {
    root = root.toAbsolutePath().normalize();
    Path ledger = root.resolve(RecordingLayout.LEDGER);
    files = 0;
    bytes = 0;
    LedgerChainWalk chain = new LedgerChainWalk(ledger).walk();
    List<LedgerProblem> problems = new ArrayList<>(chain.problems);
    long checked = 0;
    for (LedgerChainWalk.Ledgered ledgered : chain.recordings.values()) {
      LedgerEntry entry = ledgered.entry();
      if (selected(entry.recordingId(), entry.path(), options)) {
        checked++;
        checkRecording(root, ledgered, problems);
      }
    }
    problems.addAll(unledgered(root, ledger, chain, options));
    if (options.recordingId() != null
        && !chain.recordings.containsKey(options.recordingId())
        && problems.stream().noneMatch(p -> p.message().contains(options.recordingId()))) {
      problems.add(
          new LedgerProblem(
              Kind.MISSING,
              "recording " + options.recordingId() + " is neither in the ledger nor on disk"));
    }
    return new Report(ledger, chain.entries, checked, files, bytes, chain.head(), problems);
  }

  private static boolean selected(String id, String path, Options options) {
    if (options.recordingId() != null && !options.recordingId().equals(id)) {
      return false;
    }
    if (options.since() != null && path != null && path.length() >= 10) {
      try {
        return !LocalDate.parse(path.substring(0, 10), DAY).isBefore(options.since());
      } catch (RuntimeException e) {
        return true; // not a dated path: checked, and what is wrong with it is reported
      }
    }
    return true;
  }

  private void checkRecording(Path root, LedgerChainWalk.Ledgered ledgered, List<LedgerProblem> out)
      throws IOException {
    LedgerEntry entry = ledgered.entry();
    String who = "recording " + entry.recordingId();
    Path directory = root.resolve(entry.path()).normalize();
    if (!directory.startsWith(root) || directory.equals(root)) {
      out.add(new LedgerProblem(Kind.CHAIN, who + ": ledger path " + entry.path() + " is unsafe"));
      return;
    }
    if (!Files.isDirectory(directory)) {
      out.add(
          new LedgerProblem(
              Kind.MISSING,
              who
                  + ": directory "
                  + entry.path()
                  + " missing (ledger line "
                  + ledgered.line()
                  + ")"));
      return;
    }
    Path sidecar = directory.resolve(RecordingLayout.SIDECAR);
    if (!Files.isRegularFile(sidecar)) {
      out.add(new LedgerProblem(Kind.MISSING, who + ": " + RecordingLayout.SIDECAR + " missing"));
      return;
    }
    if (Files.size(sidecar) > MAX_SIDECAR_BYTES) {
      out.add(
          new LedgerProblem(
              Kind.CHANGED, who + ": " + RecordingLayout.SIDECAR + " is over 16 MiB: not ours"));
      return;
    }
    byte[] manifest = Files.readAllBytes(sidecar);
    files++;
    bytes += manifest.length;
    String sha = Sha256.of(manifest);
    if (!sha.equals(entry.metadataSha256())) {
      out.add(
          new LedgerProblem(
              Kind.CHANGED,
              who
                  + ": "
                  + RecordingLayout.SIDECAR
                  + " changed (sha256 "
                  + sha
                  + ", ledger line "
                  + ledgered.line()
                  + " says "
                  + entry.metadataSha256()
                  + ")"));
    }
    Map<String, String> listed;
    try {
      listed = listedFiles(json.readTree(manifest));
    } catch (IOException e) {
      out.add(
          new LedgerProblem(
              Kind.CHANGED, who + ": " + RecordingLayout.SIDECAR + " is not JSON: " + e));
      return;
    }
    for (Map.Entry<String, String> file : listed.entrySet()) {
      checkFile(who, directory, file.getKey(), file.getValue(), out);
    }
  }

  private void checkFile(
      String who, Path directory, String name, String expected, List<LedgerProblem> out)
      throws IOException {
    if (!FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
      out.add(new LedgerProblem(Kind.CHANGED, who + ": metadata.json lists unsafe file " + name));
      return;
    }
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      out.add(new LedgerProblem(Kind.MISSING, who + ": file " + name + " missing"));
      return;
    }
    String sha = Sha256.ofFile(file);
    files++;
    bytes += Files.size(file);
    if (!sha.equalsIgnoreCase(expected)) {
      out.add(
          new LedgerProblem(
              Kind.CHANGED,
              who
                  + ": file "
                  + name
                  + " changed (sha256 "
                  + sha
                  + ", metadata.json says "
                  + expected
                  + ")"));
    }
  }

  /**
   * Every file the sidecar lists with a SHA-256: {@code tracks[]}, {@code metadataVersions[]},
   * {@code stereo} when written. Looked up by name, so fields added later change nothing.
   */
  static Map<String, String> listedFiles(JsonNode sidecar) {
    Map<String, String> listed = new LinkedHashMap<>();
    for (String array : List.of("tracks", "metadataVersions")) {
      JsonNode items = sidecar.path(array);
      for (JsonNode item : items) {
        addListed(item, listed);
      }
    }
    addListed(sidecar.path("stereo"), listed);
    return listed;
  }

  private static void addListed(JsonNode item, Map<String, String> listed) {
    JsonNode file = item.path("file");
    JsonNode sha = item.path("sha256");
    if (file.isTextual() && sha.isTextual()) {
      listed.put(file.asText(), sha.asText());
    }
  }

  /** Recordings with a metadata.json that no ledger entry names (see the class comment). */
  private List<LedgerProblem> unledgered(
      Path root, Path ledger, LedgerChainWalk chain, Options options) throws IOException {
    Map<String, Path> candidates = new LinkedHashMap<>();
    for (Path directory : RecordingDirectories.under(root)) {
      String id = directory.getFileName().toString();
      String path = root.relativize(directory).toString().replace('\\', '/');
      if (!chain.recordings.containsKey(id)
          && selected(id, path, options)
          && Files.exists(directory.resolve(RecordingLayout.SIDECAR))) {
        candidates.put(id, directory);
      }
    }
    long deadline = System.nanoTime() + options.settle().toNanos();
    long from = chain.end;
    Set<String> late = new HashSet<>();
    while (!candidates.isEmpty()) {
      from = newlyLedgered(ledger, from, late);
      candidates.keySet().removeAll(late);
      boolean finalising =
          candidates.values().stream()
              .anyMatch(d -> Files.exists(d.resolve(RecordingLayout.IN_FLIGHT)));
      if (!finalising || System.nanoTime() >= deadline) {
        break;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<LedgerProblem> problems = new ArrayList<>();
    candidates.forEach(
        (id, directory) ->
            problems.add(
                new LedgerProblem(
                    Kind.UNLEDGERED,
                    "recording "
                        + id
                        + " at "
                        + root.relativize(directory)
                        + " has a metadata.json but no ledger entry")));
    return problems;
  }

  /** Recording ids entered after byte {@code from}; returns where reading stopped. */
  private static long newlyLedgered(Path ledger, long from, Set<String> into) throws IOException {
    if (!Files.exists(ledger)) {
      return from;
    }
    try (LedgerLines lines = LedgerLines.open(ledger, from)) {
      long stop = from;
      for (LedgerLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (!line.terminated()) {
          break;
        }
        stop = lines.position();
        try {
          LedgerEntry entry = LedgerEntry.parse(line.text()).entry();
          if (entry.recordingId() != null) {
            into.add(entry.recordingId());
          }
        } catch (LedgerEntry.FormatException e) {
          // Not an entry: the next verify, walking the whole chain, names it.
        }
      }
      return stop;
    }
  }
}
