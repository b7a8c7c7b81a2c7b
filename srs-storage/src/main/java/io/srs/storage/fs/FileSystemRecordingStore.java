package io.srs.storage.fs;

import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingStore;
import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import io.srs.storage.ledger.Ledger;
import io.srs.storage.sidecar.SidecarWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The embedded vault: one directory per recording under {@code root/yyyy/MM/dd/} (UTC), laid out as
 * {@link RecordingLayout} says. Thread-safe: it holds only immutable settings.
 */
public final class FileSystemRecordingStore implements RecordingStore {

  private final StorageSettings settings;
  private final SidecarWriter sidecar = new SidecarWriter();
  private final Ledger ledger;

  /**
   * A store under {@code root} with {@link StorageSettings#defaults default} settings, no ledger.
   */
  public FileSystemRecordingStore(Path root) {
    this(StorageSettings.defaults(root));
  }

  /** A store that keeps no ledger ({@link Ledger#NONE}): for tests of other things. */
  public FileSystemRecordingStore(StorageSettings settings) {
    this(settings, Ledger.NONE);
  }

  /**
   * @param ledger where each recording is entered once its {@code metadata.json} is durable
   */
  public FileSystemRecordingStore(StorageSettings settings, Ledger ledger) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  public StorageSettings settings() {
    return settings;
  }

  /** The absolute root directory. */
  public Path root() {
    return settings.root();
  }

  /**
   * Creates the root if it is missing and proves it writable by creating and deleting a probe file.
   * For start-up (fail fast) and readiness checks.
   */
  public void verifyWritable() throws IOException {
    Path root = settings.root();
    try {
      Files.createDirectories(root);
      Path probe = Files.createTempFile(root, ".probe-", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IOException(notWritable(root, e), e);
    }
  }

  /**
   * Creates {@code root/yyyy/MM/dd/<id>/}. The recording's own directory must not exist yet: a
   * recording is never written over another.
   *
   * @throws IOException with a message naming the root when it cannot be written
   */
  @Override
  public RecordingHandle create(RecordingId id, String callId, Instant createdAt)
      throws IOException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Path root = settings.root();
    Path directory = root.resolve(RecordingLayout.recordingPath(id, createdAt));
    try {
      Files.createDirectories(directory.getParent());
      Files.createDirectory(directory);
    } catch (FileAlreadyExistsException e) {
      if (Files.isDirectory(directory)) {
        throw new IOException("recording directory " + directory + " already exists", e);
      }
      throw new IOException(notWritable(root, e), e);
    } catch (IOException e) {
      throw new IOException(notWritable(root, e), e);
    }
    FileSystemRecordingHandle handle =
        new FileSystemRecordingHandle(id, callId, createdAt, directory, settings, sidecar, ledger);
    try {
      handle.writeManifest();
    } catch (IOException e) {
      handle.abort();
      throw new IOException(notWritable(root, e), e);
    }
    return handle;
  }

  private static String notWritable(Path root, IOException cause) {
    String why;
    if (Files.exists(root) && !Files.isDirectory(root)) {
      why = "it exists but is not a directory";
    } else {
      why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    return "recording storage " + root + " (storage.path) is not writable: " + why;
  }

  @Override
  public String describe() {
    return "file:" + settings.root();
  }

  @Override
  public String toString() {
    return describe();
  }
}
