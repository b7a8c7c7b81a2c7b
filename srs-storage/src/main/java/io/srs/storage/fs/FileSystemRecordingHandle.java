package io.srs.storage.fs;

import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.StoredRecording.StoredTrack;
import io.srs.core.port.TrackSink;
import io.srs.core.port.TrackSpec;
import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import io.srs.storage.integrity.Sha256;
import io.srs.storage.ledger.Ledger;
import io.srs.storage.sidecar.MetadataFile;
import io.srs.storage.sidecar.SidecarWriter;
import io.srs.storage.sidecar.StereoOutcome;
import io.srs.storage.sidecar.TrackFile;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WavTrackWriter;
import io.srs.storage.wav.WrittenTrack;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording in its own directory (layout: {@link RecordingLayout}). The session drives it in
 * order; methods are synchronized anyway because metadata updates (SIP thread) and finishing
 * (finaliser thread) may come from different threads. None of this is on the media path: the {@link
 * WavTrackWriter}s it hands out are.
 */
final class FileSystemRecordingHandle implements RecordingHandle {
  private static final Logger LOG = LoggerFactory.getLogger(FileSystemRecordingHandle.class);

  /** More tracks than any SIPREC session carries; the SIP side bounds m-lines far below this. */
  static final int MAX_TRACKS = 64;

  /** The handle's life: tracks and metadata are added while OPEN only. */
  enum State {
    OPEN,
    FINISHED,
    FAILED,
    ABORTED
  }

  private record OpenTrack(TrackSpec spec, String fileName, WavTrackWriter writer) {}

  private final RecordingId id;
  private final String callId;
  private final Path directory;
  private final Path root;
  private final StorageSettings settings;
  private final SidecarWriter sidecar;
  private final Ledger ledger;
  private final Map<Integer, OpenTrack> tracks = new LinkedHashMap<>();
  private final List<MetadataFile> metadataFiles = new ArrayList<>();
  private State state = State.OPEN;
  private InFlightManifest manifest;

  FileSystemRecordingHandle(
      RecordingId id,
      String callId,
      Instant createdAt,
      Path directory,
      StorageSettings settings,
      SidecarWriter sidecar,
      Ledger ledger) {
    this.id = id;
    this.callId = callId;
    this.directory = directory;
    this.root = settings.root();
    this.settings = settings;
    this.sidecar = sidecar;
    this.ledger = ledger;
    this.manifest = new InFlightManifest(id, callId, createdAt, List.of(), List.of());
  }

  /** Writes the in-flight manifest as it now stands (SIP thread, never the media path). */
  void writeManifest() throws IOException {
    AtomicFiles.replace(directory.resolve(RecordingLayout.IN_FLIGHT), manifest.render());
  }

  @Override
  public String location() {
    return directory.toString();
  }

  Path directory() {
    return directory;
  }

  @Override
  public synchronized TrackSink openTrack(TrackSpec spec) throws IOException {
    requireOpen("open a track");
    if (tracks.containsKey(spec.streamIndex())) {
      throw new IllegalArgumentException("track " + spec.streamIndex() + " is already open");
    }
    if (tracks.size() >= MAX_TRACKS) {
      throw new IOException("a recording holds at most " + MAX_TRACKS + " tracks");
    }
    String fileName = RecordingLayout.trackFileName(spec.streamIndex(), spec.label());
    WavHeader header = WavHeader.of(spec.encoding(), spec.sampleRate(), 1);
    WavTrackWriter writer =
        WavTrackWriter.create(directory.resolve(fileName), header, settings.writeBufferBytes());
    tracks.put(spec.streamIndex(), new OpenTrack(spec, fileName, writer));
    manifest =
        manifest.withTrack(
            new InFlightManifest.Track(
                spec.streamIndex(), spec.label(), fileName, spec.encoding(), spec.sampleRate()));
    writeManifest();
    return writer;
  }

  @Override
  public synchronized void addMetadata(RawMetadata metadata) throws IOException {
    requireOpen("store metadata");
    String fileName = RecordingLayout.metadataFileName(metadata.version());
    Path target = directory.resolve(fileName);
    if (Files.exists(target)) {
      throw new IOException("metadata version " + metadata.version() + " is already stored");
    }
    byte[] body = metadata.body();
    AtomicFiles.write(target, body);
    MetadataFile file =
        new MetadataFile(
            metadata.version(),
            metadata.receivedAt(),
            metadata.contentType(),
            fileName,
            body.length,
            Sha256.of(body));
    metadataFiles.add(file);
    manifest = manifest.withMetadata(file);
    writeManifest();
  }

  @Override
  public synchronized StoredRecording finish(RecordingSummary summary) throws IOException {
    requireOpen("finish");
    if (!id.equals(summary.id())) {
      throw new IllegalArgumentException("summary of " + summary.id() + " given to " + id);
    }
    state = State.FAILED; // until everything below has succeeded
    List<WrittenTrack> written = finishTracks();
    List<TrackFile> trackFiles = new ArrayList<>();
    List<StoredTrack> stored = new ArrayList<>();
    List<StereoOutput.FinishedTrack> finished = new ArrayList<>();
    int i = 0;
    for (OpenTrack track : tracks.values()) {
      WrittenTrack file = written.get(i++);
      String sha256 = Sha256.ofFile(file.file());
      TrackSpec spec = track.spec();
      trackFiles.add(
          new TrackFile(
              spec.streamIndex(),
              track.fileName(),
              spec.encoding(),
              spec.sampleRate(),
              file.samples(),
              file.fileBytes(),
              sha256));
      stored.add(
          new StoredTrack(
              spec.streamIndex(),
              spec.label(),
              track.fileName(),
              file.fileBytes(),
              file.samples(),
              sha256));
      finished.add(new StereoOutput.FinishedTrack(spec, track.writer().header(), file));
    }
    for (TrackSummary track : summary.tracks()) {
      if (!tracks.containsKey(track.streamIndex())) {
        throw new IOException(
            "summary names track " + track.streamIndex() + " but no such track was opened");
      }
    }
    // Derived from the tracks just finished, on this (finaliser) thread; never fatal.
    StereoOutcome stereo =
        settings.stereo()
            ? new StereoOutput(settings.writeBufferBytes()).write(directory, summary, finished)
            : null;
    AtomicFiles.write(
        directory.resolve(RecordingLayout.SIDECAR),
        sidecar.render(summary, trackFiles, metadataFiles, stereo));
    fsyncAncestors();
    enterInLedger(SidecarWriter.status(summary.endReason()));
    removeManifest();
    state = State.FINISHED;
    return new StoredRecording(id, location(), RecordingLayout.SIDECAR, stored);
  }

  /** Finalises every track, even after one fails, then reports every failure at once. */
  private List<WrittenTrack> finishTracks() throws IOException {
    List<WrittenTrack> written = new ArrayList<>();
    IOException failure = null;
    for (OpenTrack track : tracks.values()) {
      try {
        written.add(track.writer().finish());
      } catch (IOException e) {
        IOException named =
            new IOException("track " + track.spec().streamIndex() + ": " + e.getMessage(), e);
        if (failure == null) {
          failure = named;
        } else {
          failure.addSuppressed(named);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return written;
  }

  /**
   * After the sidecar is durable, before the manifest goes: {@code srs verify} takes a directory
   * with both files for one still finalising. Never fatal: the recording is stored and its sidecar
   * holds its hashes; verify names it {@code unledgered}.
   */
  private void enterInLedger(String status) {
    try {
      ledger.recordFinalised(id, directory, status);
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "recording {}: stored in {} but not entered in the ledger ({}); srs verify will report"
              + " it unledgered",
          id,
          directory,
          e.toString());
    }
  }

  /** The sidecar is durable and says more: the manifest has served. Never fatal. */
  private void removeManifest() {
    try {
      Files.deleteIfExists(directory.resolve(RecordingLayout.IN_FLIGHT));
    } catch (IOException e) {
      LOG.warn("recording {}: {} left beside its sidecar: {}", id, RecordingLayout.IN_FLIGHT, e);
    }
  }

  /** The date directories were created with the recording's; make their entries durable too. */
  private void fsyncAncestors() throws IOException {
    for (Path dir = directory.getParent();
        dir != null && dir.startsWith(root) && !dir.equals(root.getParent());
        dir = dir.getParent()) {
      AtomicFiles.fsyncDirectory(dir);
    }
  }

  @Override
  public synchronized void abort() {
    if (state != State.OPEN) {
      LOG.warn("recording {} not aborted: it is {}, its files stay in {}", id, state, directory);
      return;
    }
    state = State.ABORTED;
    for (OpenTrack track : tracks.values()) {
      track.writer().abandon();
    }
    try {
      deleteTree(directory);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "recording {} (Call-ID {}) aborted but {} could not be removed: {}",
          id,
          callId,
          directory,
          e.toString());
    }
  }

  private static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top)) {
      return;
    }
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void requireOpen(String action) {
    if (state != State.OPEN) {
      throw new IllegalStateException("cannot " + action + ": recording " + id + " is " + state);
    }
  }

  @Override
  public String toString() {
    return "recording " + id + " at " + directory;
  }
}
