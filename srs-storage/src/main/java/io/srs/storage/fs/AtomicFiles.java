package io.srs.storage.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable all-or-nothing file writes: a reader (or a crash) sees the old state or the complete new
 * file, never a torn one. POSIX rename(2) is atomic within a filesystem; fsync of the file before
 * and of the directory after makes both the content and the new name survive power loss.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /** The temporary name beside {@code target}: hidden, and never a name the layout uses. */
  static Path temporaryFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp");
  }

  /** Writes {@code content} to a temporary file, fsyncs, renames it onto target, fsyncs the dir. */
  static void write(Path target, byte[] content) throws IOException {
    Path tmp = temporaryFor(target);
    try {
      try (FileChannel channel =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      fsyncDirectory(target.getParent());
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Replaces {@code target} with {@code content} through a temporary file and a rename, without
   * fsync: a reader or a killed process sees the old or the new file, never a torn one, but after
   * power loss the file may be older or absent (no better than the audio, which is not fsynced
   * while recording either). For the in-flight manifest, written on the call's set-up path.
   */
  static void replace(Path target, byte[] content) throws IOException {
    Path tmp = temporaryFor(target);
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Makes a directory's entries (new and renamed files) durable. */
  static void fsyncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
