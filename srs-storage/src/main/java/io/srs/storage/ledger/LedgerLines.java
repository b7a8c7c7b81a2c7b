package io.srs.storage.ledger;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the ledger file line by line with each line's byte offset, up to a limit fixed when it is
 * opened (so a reader never sees half of an entry a writer is appending). Read-only. A line longer
 * than {@link LedgerEntry#MAX_LINE_BYTES} is returned cut to that length plus one byte, which no
 * parser accepts.
 */
final class LedgerLines implements Closeable {

  /**
   * One line.
   *
   * @param number 1-based line number
   * @param offset the byte offset of its first byte
   * @param length its length in bytes, without the newline
   * @param terminated whether a newline ends it (false only for the file's last line)
   */
  record Line(long number, long offset, long length, boolean terminated, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final InputStream in;
  private final long limit;
  private long position;
  private long number;

  private LedgerLines(InputStream in, long start, long limit) {
    this.in = in;
    this.position = start;
    this.limit = limit;
  }

  /** Lines of {@code file} from byte {@code start} up to its size now. */
  static LedgerLines open(Path file, long start) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    long size = channel.size();
    channel.position(start);
    return new LedgerLines(
        new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024), start, size);
  }

  /** The byte offset the next line starts at (the end of what was read). */
  long position() {
    return position;
  }

  /** Line numbers count from 1 at the start given to {@link #open}; callers may re-base them. */
  void numberFrom(long linesBefore) {
    number = linesBefore;
  }

  /** The next line, or null at the limit. */
  Line next() throws IOException {
    if (position >= limit) {
      return null;
    }
    long offset = position;
    byte[] buffer = new byte[256];
    int kept = 0;
    long length = 0;
    boolean terminated = false;
    while (position < limit) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      position++;
      if (b == '\n') {
        terminated = true;
        break;
      }
      length++;
      if (kept <= LedgerEntry.MAX_LINE_BYTES) {
        if (kept == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[kept++] = (byte) b;
      }
    }
    number++;
    return new Line(number, offset, length, terminated, Arrays.copyOf(buffer, kept));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
