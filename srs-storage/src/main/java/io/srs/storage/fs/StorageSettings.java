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
 */
public record StorageSettings(Path root, int writeBufferBytes) {

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

  /** {@code root} with a 16 KiB staging buffer per track. */
  public static StorageSettings defaults(Path root) {
    return new StorageSettings(root, DEFAULT_WRITE_BUFFER_BYTES);
  }
}
