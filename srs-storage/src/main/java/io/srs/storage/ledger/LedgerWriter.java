package io.srs.storage.ledger;

import io.srs.core.session.RecordingId;
import io.srs.storage.RecordingLayout;
import io.srs.storage.integrity.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's ledger, {@code storage.path/ledger.jsonl} (docs/recording-format.md): one entry per
 * finalised recording, each chained to the one before. One writer per vault; within the process
 * appends are serialised by this object's lock, and each one is written with a single {@code write}
 * and fsynced before it returns (the directory too when the file is created).
 *
 * <p>Opening reads the last line to continue the chain. A last line that is not an intact entry (a
 * crash mid-append: unterminated, not JSON, or a hash that does not hold) is never repaired or
 * guessed at: the bytes stay, an ERROR is logged, and a {@link LedgerEntry.Type#TEAR tear entry}
 * that names their offset, length and SHA-256 is appended, chained from the last intact entry, so
 * the chain stays whole and {@code srs verify} reports the tear.
 */
public final class LedgerWriter implements Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);

  private final Path root;
  private final Path file;
  private final Clock clock;
  private long seq;
  private String head;
  private boolean resumeNeeded = true;

  private LedgerWriter(Path root, Clock clock) {
    this.root = root;
    this.file = root.resolve(RecordingLayout.LEDGER);
    this.clock = clock;
  }

  /**
   * Opens the ledger of the vault at {@code root} (created with the first entry), continuing its
   * chain; a torn end is recorded as described above.
   */
  public static LedgerWriter open(Path root, Clock clock) throws IOException {
    LedgerWriter writer =
        new LedgerWriter(root.toAbsolutePath().normalize(), Objects.requireNonNull(clock, "clock"));
    synchronized (writer) {
      writer.resume();
    }
    return writer;
  }

  /** The ledger file. */
  public Path file() {
    return file;
  }

  /** The last entry's sequence number (0 when empty). */
  public synchronized long seq() {
    return seq;
  }

  /**
   * The last entry's {@code entryHash}: the chain head ({@link LedgerEntry#GENESIS} when empty).
   */
  public synchronized String head() {
    return head;
  }

  @Override
  public synchronized void recordFinalised(RecordingId id, Path directory, String status)
      throws IOException {
    Path sidecar = directory.resolve(RecordingLayout.SIDECAR);
    byte[] manifest = Files.readAllBytes(sidecar); // as stored: what verify will hash
    String path = root.relativize(directory.toAbsolutePath().normalize()).toString();
    path = path.replace(directory.getFileSystem().getSeparator(), "/");
    if (resumeNeeded) {
      resume();
    }
    append(
        LedgerEntry.recording(
            seq + 1, id.value(), path, status, now(), Sha256.of(manifest), manifest.length, head));
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Writes one entry; after a failure the next append re-reads the file's end first. */
  private void append(LedgerEntry entry) throws IOException {
    byte[] line = (entry.line() + "\n").getBytes(StandardCharsets.UTF_8);
    resumeNeeded = true;
    write(line);
    seq = entry.seq();
    head = entry.entryHash();
    resumeNeeded = false;
  }

  private void write(byte[] bytes) throws IOException {
    boolean created = !Files.exists(file);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    if (created) {
      try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
        dir.force(true);
      }
    }
  }

  /** Finds the chain's head from the file's end; records a torn end. */
  private void resume() throws IOException {
    seq = 0;
    head = LedgerEntry.GENESIS;
    if (!Files.exists(file)) {
      resumeNeeded = false;
      return;
    }
    long size = Files.size(file);
    LedgerEntry last = lastLine(size);
    if (last != null) {
      seq = last.seq();
      head = last.entryHash();
      resumeNeeded = false;
      return;
    }
    if (size == 0) {
      resumeNeeded = false;
      return;
    }
    // The end is not an intact entry: find the last one that is, and account for what follows.
    long intactEnd = 0;
    try (LedgerLines lines = LedgerLines.open(file, 0)) {
      for (LedgerLines.Line line = lines.next(); line != null; line = lines.next()) {
        LedgerEntry entry = intact(line);
        if (entry != null) {
          seq = entry.seq();
          head = entry.entryHash();
          intactEnd = lines.position();
        }
      }
    }
    long tornBytes = size - intactEnd;
    String tornSha256 = sha256(intactEnd, tornBytes);
    LOG.error(
        "ledger {}: its last {} byte(s) from offset {} are not an intact entry (a write cut by a"
            + " crash, or an edit); they are kept and recorded by a tear entry after seq {};"
            + " srs verify will report them",
        file,
        tornBytes,
        intactEnd,
        seq);
    if (!endsWithNewline(size)) {
      write(new byte[] {'\n'});
    }
    append(LedgerEntry.tear(seq + 1, now(), intactEnd, tornBytes, tornSha256, head));
  }

  /** The last line when it is a terminated, intact entry; null otherwise. */
  private LedgerEntry lastLine(long size) throws IOException {
    if (size == 0 || !endsWithNewline(size)) {
      return null;
    }
    long from = Math.max(0, size - LedgerEntry.MAX_LINE_BYTES - 2);
    byte[] tail = new byte[(int) (size - from)];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.wrap(tail);
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
        // read until full
      }
    }
    int end = tail.length - 1; // the final newline
    int start = end - 1;
    while (start >= 0 && tail[start] != '\n') {
      start--;
    }
    if (start < 0 && from > 0) {
      return null; // longer than any entry
    }
    String line = new String(tail, start + 1, end - start - 1, StandardCharsets.UTF_8);
    try {
      LedgerEntry.Read read = LedgerEntry.parse(line);
      return read.intact() ? read.entry() : null;
    } catch (LedgerEntry.FormatException e) {
      return null;
    }
  }

  private static LedgerEntry intact(LedgerLines.Line line) {
    if (!line.terminated()) {
      return null;
    }
    try {
      LedgerEntry.Read read = LedgerEntry.parse(line.text());
      return read.intact() ? read.entry() : null;
    } catch (LedgerEntry.FormatException e) {
      return null;
    }
  }

  private boolean endsWithNewline(long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      return channel.read(one, size - 1) == 1 && one.get(0) == '\n';
    }
  }

  private String sha256(long offset, long length) throws IOException {
    return sha256Of(file, offset, length);
  }

  /** SHA-256 of {@code length} bytes of {@code file} from {@code offset}. */
  static String sha256Of(Path file, long offset, long length) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      byte[] chunk = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
        if (n < 0) {
          break;
        }
        digest.update(chunk, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
