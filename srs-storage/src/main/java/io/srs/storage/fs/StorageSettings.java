package io.srs.storage.fs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The filesystem store's configuration ({@code storage.*}).
 *
 * @param root {@code storage.path}: the directory recordings are written under; made absolute
 * @param writeBufferBytes {@code storage.write-buffer-bytes}: each track's staging buffer; a full
 *     buffer is written to the file and the WAV header patched, so it also bounds what a crash can
 *     lose (16 KiB is about 2 s of G.711)
 * @param stereo {@code recording.stereo}: also write {@code stereo.wav}, two PCM16 channels, one
 *     per party, when the call ends (docs/recording-format.md says which track goes where); the
 *     per-track files are written either way and stay the evidence
 */
public record StorageSettings(Path root, int writeBufferBytes, boolean stereo) {

  public static final int DEFAULT_WRITE_BUFFER_BYTES = 16 * 1024;
  public static final int MIN_WRITE_BUFFER_BYTES = 512;
  public static final int MAX_WRITE_BUFFER_BYTES = 1024 * 1024;

  public StorageSettings {
    Objects.requireNonNull(root, "storage.path must be set");
    if (root.toString().isBlank()) {
      throw new IllegalArgumentException("storage.path must not be empty");
    }
    root = root.toAbsolutePath().normalize();
    if (writeBufferBytes < MIN_WRITE_BUFFER_BYTES || writeBufferBytes > MAX_WRITE_BUFFER_BYTES) {
      throw new IllegalArgumentException(
          "storage.write-buffer-bytes must be "
              + MIN_WRITE_BUFFER_BYTES
              + ".."
              + MAX_WRITE_BUFFER_BYTES
              + ", got "
              + writeBufferBytes);
    }
  }

  /** Settings without the optional stereo output. */
  public StorageSettings(Path root, int writeBufferBytes) {
    this(root, writeBufferBytes, false);
  }

  /** {@code root} with a 16 KiB staging buffer per track and no stereo output. */
  public static StorageSettings defaults(Path root) {
    return new StorageSettings(root, DEFAULT_WRITE_BUFFER_BYTES, false);
  }

  /** These settings with {@code recording.stereo} set as given. */
  public StorageSettings withStereo(boolean stereo) {
    return new StorageSettings(root, writeBufferBytes, stereo);
  }
}
