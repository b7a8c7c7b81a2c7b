package io.srs.storage.fs;

import io.srs.core.fields.FieldExtractor;
import io.srs.core.fields.FieldSources;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.StoredRecording.StoredTrack;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.ledger.Ledger;
import io.srs.storage.sidecar.MetadataFile;
import io.srs.storage.sidecar.SidecarWriter;
import io.srs.storage.sidecar.TrackFile;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WavRepair;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finalises one recording a dead process left in flight, from what lies in its directory: the
 * in-flight manifest when present and readable (Call-ID, track specs, metadata versions), the track
 * files (headers repaired by {@link WavRepair}, hashed as stored), and the raw metadata versions
 * (parsed and merged for participants and normalised fields). Writes {@code metadata.json} with
 * status {@code incomplete} and end reason {@code recovered}, then adds the recording to the index.
 * Every problem found is a flag in the sidecar; no audio byte is removed.
 */
public final class InFlightRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(InFlightRecovery.class);

  /** The flag every recovered recording carries first; problems follow it. */
  public static final String FLAG_RECOVERED =
      "recovered: the recorder stopped with this call in progress; each track ends where its last"
          + " write reached the disk";

  private static final Pattern TRACK_FILE = Pattern.compile("track-(\\d{1,6})(?:-(.*))?\\.wav");
  private static final DateTimeFormatter ID_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final MetadataParser parser;
  private final FieldExtractor extractor;
  private final List<String> requiredFields;
  private final RecordingIndex index;
  private final Ledger ledger;
  private final SidecarWriter sidecar = new SidecarWriter();

  /**
   * @param parser parses the stored metadata versions (the daemon's limits)
   * @param extractor derives normalised fields, as for a finished call
   * @param requiredFields {@code metadata.required-fields}
   * @param index where recovered recordings are added
   */
  public InFlightRecovery(
      MetadataParser parser,
      FieldExtractor extractor,
      List<String> requiredFields,
      RecordingIndex index) {
    this(parser, extractor, requiredFields, index, Ledger.NONE);
  }

  /**
   * @param parser parses the stored metadata versions (the daemon's limits)
   * @param extractor derives normalised fields, as for a finished call
   * @param requiredFields {@code metadata.required-fields}
   * @param index where recovered recordings are added
   * @param ledger where each recovered recording is entered once its sidecar is durable
   */
  public InFlightRecovery(
      MetadataParser parser,
      FieldExtractor extractor,
      List<String> requiredFields,
      RecordingIndex index,
      Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.requiredFields = List.copyOf(requiredFields);
    this.index = Objects.requireNonNull(index, "index");
  }

  RecordingIndex index() {
    return index;
  }

  /** A track to recover: from the manifest (with its spec) or found on disk (without). */
  private record Planned(int streamIndex, String label, String fileName, WavHeader expected) {}

  /**
   * Recovers the recording in {@code directory}.
   *
   * @throws IOException when the sidecar cannot be written (the directory is left as found, apart
   *     from repaired track headers)
   */
  public RecoveryPass.Outcome recover(RecordingId id, Path directory) throws IOException {
    List<String> problems = new ArrayList<>();
    InFlightManifest manifest = readManifest(directory, problems);
    List<MetadataFile> metadataFiles = new ArrayList<>();
    List<byte[]> rawBodies = new ArrayList<>();
    RecordingMetadata metadata =
        StoredMetadata.read(parser, directory, manifest, metadataFiles, rawBodies, problems);

    List<TrackFile> trackFiles = new ArrayList<>();
    List<TrackSummary> tracks = new ArrayList<>();
    List<StoredTrack> stored = new ArrayList<>();
    Duration duration = Duration.ZERO;
    Instant lastWrite = null;
    for (Planned track : planTracks(directory, manifest, problems)) {
      Path file = directory.resolve(track.fileName());
      String name = track.fileName();
      if (!Files.isRegularFile(file)) {
        problems.add("track-missing: " + name);
        continue;
      }
      WavRepair.Result repaired;
      try {
        repaired = WavRepair.repair(file, track.expected());
      } catch (IOException e) {
        problems.add("track-unreadable: " + name + ": " + e);
        continue;
      }
      if (!repaired.repaired()) {
        problems.add("track-unreadable: " + name + ": " + repaired.problem() + "; kept as found");
        continue;
      }
      if (repaired.problem() != null) {
        problems.add("track-header-rewritten: " + name + ": " + repaired.problem());
      }
      WavHeader header = repaired.header();
      if (repaired.samples() != repaired.headerSamples()) {
        problems.add(
            "track-repaired: "
                + name
                + ": header said "
                + repaired.headerSamples()
                + " samples, the file holds "
                + repaired.samples());
      }
      String sha256 = Sha256.ofFile(file);
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      lastWrite = lastWrite == null || modified.isAfter(lastWrite) ? modified : lastWrite;
      Duration length = Duration.ofNanos(repaired.samples() * 1_000_000_000L / header.sampleRate());
      duration = length.compareTo(duration) > 0 ? length : duration;
      trackFiles.add(
          new TrackFile(
              track.streamIndex(),
              name,
              header.encoding(),
              header.sampleRate(),
              repaired.samples(),
              repaired.fileBytes(),
              sha256));
      tracks.add(
          new TrackSummary(
              track.streamIndex(),
              track.label(),
              null,
              -1,
              metadata.sendersOnLabel(track.label()),
              null,
              List.of(),
              null));
      stored.add(
          new StoredTrack(
              track.streamIndex(),
              track.label(),
              name,
              repaired.fileBytes(),
              repaired.samples(),
              sha256));
    }
    if (tracks.isEmpty()) {
      problems.add("no-tracks: no playable track file (the call may never have been answered)");
    }

    Map<String, String> fields =
        extractor.extract(new FieldSources(metadata, rawBodies, Map.of(), null, null)).values();
    List<String> missing = new ArrayList<>();
    for (String required : requiredFields) {
      String value = fields.get(required);
      if (value == null || value.isBlank()) {
        missing.add(required);
      }
    }
    List<String> flags = new ArrayList<>();
    flags.add(FLAG_RECOVERED);
    flags.addAll(problems);
    Instant invitedAt =
        manifest != null && manifest.createdAt != null ? manifest.createdAt : idTime(id);
    RecordingSummary summary =
        new RecordingSummary(
            id,
            manifest == null ? null : manifest.callId,
            null,
            null,
            invitedAt,
            invitedAt, // the answer's own time is not on disk; the INVITE's is milliseconds off
            null,
            lastWrite,
            EndReason.RECOVERED,
            duration,
            metadata,
            tracks,
            List.of(),
            fields,
            missing,
            fields.get("groupId"),
            flags,
            List.of());
    StoredRecording recording =
        new StoredRecording(id, directory.toString(), RecordingLayout.SIDECAR, stored);
    try {
      // Before the sidecar: should we die here, the next start finds no sidecar and redoes both
      // (the index replaces a row with the same id).
      index.add(summary, recording);
    } catch (IOException | RuntimeException e) {
      LOG.error("recovery: {} could not be indexed: {}", id, e.toString());
      problems.add("not-indexed: " + e.getMessage());
      flags.add("not-indexed: " + e.getMessage());
      summary = withFlags(summary, flags);
    }
    AtomicFiles.write(
        directory.resolve(RecordingLayout.SIDECAR),
        sidecar.render(summary, trackFiles, metadataFiles));
    try {
      // As a finished call's: after the sidecar, before the manifest goes (see srs verify).
      ledger.recordFinalised(id, directory, SidecarWriter.STATUS_INCOMPLETE);
    } catch (IOException | RuntimeException e) {
      LOG.error("recovery: {} not entered in the ledger: {}", id, e.toString());
      problems.add("not-ledgered: " + e.getMessage());
    }
    try {
      Files.deleteIfExists(directory.resolve(RecordingLayout.IN_FLIGHT));
    } catch (IOException e) {
      LOG.warn("recovery: {}: {} left beside its sidecar: {}", id, RecordingLayout.IN_FLIGHT, e);
    }
    return new RecoveryPass.Outcome(summary, directory.toString(), problems);
  }

  private static InFlightManifest readManifest(Path directory, List<String> problems) {
    Path file = directory.resolve(RecordingLayout.IN_FLIGHT);
    if (!Files.isRegularFile(file)) {
      problems.add("manifest-missing: no " + RecordingLayout.IN_FLIGHT + "; Call-ID unknown");
      return null;
    }
    try {
      if (Files.size(file) > InFlightManifest.MAX_BYTES) {
        throw new IOException("is over the " + InFlightManifest.MAX_BYTES + "-byte limit");
      }
      return InFlightManifest.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      problems.add(
          "manifest-unreadable: " + RecordingLayout.IN_FLIGHT + " " + e.getMessage() + "; kept");
      return null;
    }
  }

  /** The manifest's tracks, then any track file on disk it does not name; by stream index. */
  private static List<Planned> planTracks(
      Path directory, InFlightManifest manifest, List<String> problems) throws IOException {
    Map<Integer, Planned> planned = new TreeMap<>();
    if (manifest != null) {
      for (InFlightManifest.Track track : manifest.tracks) {
        WavHeader expected = null;
        try {
          expected = WavHeader.of(track.encoding(), track.sampleRate(), 1);
        } catch (IllegalArgumentException e) {
          problems.add("manifest-track-unusable: " + track.file() + ": " + e.getMessage());
        }
        if (track.file() != null && TRACK_FILE.matcher(track.file()).matches()) {
          planned.put(
              track.streamIndex(),
              new Planned(track.streamIndex(), track.label(), track.file(), expected));
        }
      }
    }
    for (Path file : list(directory, TRACK_FILE)) {
      Matcher name = TRACK_FILE.matcher(file.getFileName().toString());
      if (!name.matches()) {
        continue;
      }
      int index = Integer.parseInt(name.group(1));
      if (!planned.containsKey(index)) {
        planned.put(index, new Planned(index, name.group(2), name.group(0), null));
      }
    }
    List<Planned> tracks = new ArrayList<>(planned.values());
    if (tracks.size() > FileSystemRecordingHandle.MAX_TRACKS) {
      problems.add(
          "too-many-tracks: "
              + tracks.size()
              + " track files, the first "
              + FileSystemRecordingHandle.MAX_TRACKS
              + " recovered");
      tracks = tracks.subList(0, FileSystemRecordingHandle.MAX_TRACKS);
    }
    return tracks;
  }

  static List<Path> list(Path directory, Pattern name) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (name.matcher(entry.getFileName().toString()).matches()) {
          found.add(entry);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** The creation time a recording id carries (second precision). */
  private static Instant idTime(RecordingId id) {
    return Instant.from(ID_STAMP.parse(id.value().substring(0, 16)));
  }

  private static RecordingSummary withFlags(RecordingSummary s, List<String> flags) {
    return new RecordingSummary(
        s.id(),
        s.callId(),
        s.fromUri(),
        s.toUri(),
        s.invitedAt(),
        s.answeredAt(),
        s.mediaStartedAt(),
        s.endedAt(),
        s.endReason(),
        s.duration(),
        s.metadata(),
        s.tracks(),
        s.declined(),
        s.fields(),
        s.missingFields(),
        s.groupId(),
        flags,
        s.events());
  }
}
