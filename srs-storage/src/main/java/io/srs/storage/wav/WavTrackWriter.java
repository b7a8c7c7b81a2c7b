package io.srs.storage.wav;

import io.srs.core.port.TrackSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * A crash-safe WAV track (byte layout: {@link WavHeader}). Samples are copied into a preallocated
 * staging buffer; each time it fills, it is written to the file and the header's sizes (RIFF size,
 * {@code fact} sample length, data size) are rewritten in place, so a killed process leaves a
 * playable file that ends at the last flush (DESIGN.md "Recording format"). Nothing is fsynced
 * until {@link #finish()}.
 *
 * <p>Threading (see {@link TrackSink}): {@link #write} and {@link #writeSilence} run on one media
 * thread: no locks, no fsync, no allocation. An I/O error there never reaches the caller: the track
 * becomes {@link State#FAILED}, later samples are counted and dropped, and {@link #finish()} throws
 * an IOException naming the file and the cause. {@link #finish()} and {@link #abandon()} run on
 * another thread after the last write has happened-before.
 */
public final class WavTrackWriter implements TrackSink {

  /** Bytes of the preallocated silence pattern copied by {@link #writeSilence}. */
  static final int SILENCE_CHUNK = 512;

  /** The writer's life; {@link #moveTo} rejects any other move. */
  public enum State {
    OPEN,
    FAILED,
    FINISHED,
    ABANDONED;

    boolean canMoveTo(State next) {
      return switch (this) {
        case OPEN -> next != OPEN;
        case FAILED -> next == ABANDONED;
        case FINISHED, ABANDONED -> false;
      };
    }
  }

  private final Path file;
  private final WavHeader header;
  private final FileChannel channel;
  private final ByteBuffer staging;
  private final ByteBuffer headerBuffer;
  private final byte[] silence;
  private final int blockAlign;
  private final long maxDataBytes;

  private State state = State.OPEN;
  private IOException failure;

  /** Sample bytes in the file after the header (flushed; staging excluded). */
  private long flushedBytes;

  /** Samples appended, stored or dropped: the track's position on the timeline. */
  private long samplesWritten;

  private WavTrackWriter(Path file, WavHeader header, FileChannel channel, int stagingBytes) {
    this.file = file;
    this.header = header;
    this.channel = channel;
    this.blockAlign = header.blockAlign();
    int capacity = stagingBytes - stagingBytes % (2 * blockAlign);
    if (capacity < 2 * blockAlign) {
      throw new IllegalArgumentException("staging buffer of " + stagingBytes + " bytes too small");
    }
    // Direct: FileChannel would otherwise copy a heap buffer into a temporary direct one.
    this.staging = ByteBuffer.allocateDirect(capacity);
    this.headerBuffer = ByteBuffer.allocateDirect(header.length());
    this.silence = new byte[SILENCE_CHUNK - SILENCE_CHUNK % blockAlign];
    Arrays.fill(silence, header.encoding().silenceByte());
    this.maxDataBytes = header.maxDataBytes();
  }

  /**
   * Creates {@code file} (it must not exist) and writes a header for zero samples.
   *
   * @param stagingBytes the staging buffer's size; rounded down to whole sample frames
   */
  public static WavTrackWriter create(Path file, WavHeader header, int stagingBytes)
      throws IOException {
    Objects.requireNonNull(header, "header");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return wrap(file, channel, header, stagingBytes);
  }

  /** Takes over an open channel positioned anywhere; tests use it to inject I/O failures. */
  static WavTrackWriter wrap(Path file, FileChannel channel, WavHeader header, int stagingBytes)
      throws IOException {
    try {
      WavTrackWriter writer = new WavTrackWriter(file, header, channel, stagingBytes);
      writer.writeHeader(false);
      return writer;
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(file);
      throw e;
    }
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, source.length);
    if (length % blockAlign != 0) {
      throw new IllegalArgumentException(
          length + " bytes is not a whole number of " + blockAlign + "-byte samples");
    }
    samplesWritten += length / blockAlign;
    if (state != State.OPEN || !fits(length)) {
      return;
    }
    while (length > 0) {
      int n = Math.min(staging.remaining(), length);
      staging.put(source, offset, n);
      offset += n;
      length -= n;
      if (!staging.hasRemaining() && !flushStaging()) {
        return;
      }
    }
  }

  @Override
  public void writeSilence(long samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("negative silence: " + samples + " samples");
    }
    samplesWritten += samples;
    if (state != State.OPEN) {
      return;
    }
    if (samples > maxDataBytes / blockAlign) { // also keeps samples * blockAlign from overflowing
      fail(sizeLimit());
      return;
    }
    if (!fits(samples * blockAlign)) {
      return;
    }
    long remaining = samples * blockAlign;
    while (remaining > 0) {
      int n = (int) Math.min(Math.min(staging.remaining(), silence.length), remaining);
      staging.put(silence, 0, n);
      remaining -= n;
      if (!staging.hasRemaining() && !flushStaging()) {
        return;
      }
    }
  }

  @Override
  public long samplesWritten() {
    return samplesWritten;
  }

  public Path file() {
    return file;
  }

  public WavHeader header() {
    return header;
  }

  public State state() {
    return state;
  }

  /** Why the track failed, or null while it is healthy. */
  public IOException failure() {
    return failure;
  }

  /** Samples in the file so far (flushed), excluding what the staging buffer holds. */
  public long samplesFlushed() {
    return flushedBytes / blockAlign;
  }

  /**
   * Flushes what is staged, pads odd data, patches the header, fsyncs and closes.
   *
   * @throws IOException when the track failed while recording or cannot be completed; the file is
   *     left closed with a header that matches what reached it
   */
  public WrittenTrack finish() throws IOException {
    if (state == State.FINISHED || state == State.ABANDONED) {
      throw new IllegalStateException(file.getFileName() + " cannot finish: it is " + state);
    }
    if (state == State.OPEN && staging.position() > 0) {
      flushStaging();
    }
    if (state == State.FAILED) {
      closeQuietly();
      throw failureReport();
    }
    try {
      long pad = flushedBytes & 1;
      if (pad == 1) {
        ByteBuffer padByte = ByteBuffer.allocate(1); // finaliser thread: allocation is fine here
        channel.write(padByte, header.length() + flushedBytes);
      }
      writeHeader(true);
      channel.force(true);
      channel.close();
      moveTo(State.FINISHED);
      return new WrittenTrack(
          file, header.length() + flushedBytes + pad, flushedBytes / blockAlign, flushedBytes);
    } catch (IOException e) {
      fail(e);
      closeQuietly();
      throw failureReport();
    }
  }

  /** Closes the file without finishing it (the recording is being aborted). Never throws. */
  public void abandon() {
    if (state.canMoveTo(State.ABANDONED)) {
      moveTo(State.ABANDONED);
    }
    closeQuietly();
  }

  private boolean fits(long bytes) {
    if (flushedBytes + staging.position() + bytes <= maxDataBytes) {
      return true;
    }
    fail(sizeLimit());
    return false;
  }

  private IOException sizeLimit() {
    return new IOException("track reached the WAV limit of " + maxDataBytes + " sample bytes");
  }

  /** Writes the staged samples at the end of the data, then the header's new sizes. */
  private boolean flushStaging() {
    staging.flip();
    try {
      long position = header.length() + flushedBytes;
      while (staging.hasRemaining()) {
        int written = channel.write(staging, position);
        position += written;
        flushedBytes += written;
      }
      staging.clear();
      writeHeader(false);
      return true;
    } catch (IOException e) {
      fail(e);
      return false;
    }
  }

  private void writeHeader(boolean padded) throws IOException {
    headerBuffer.clear();
    // Header sizes cover whole sample frames only, should a flush have stopped mid-frame.
    header.encode(headerBuffer, flushedBytes - flushedBytes % blockAlign, padded);
    headerBuffer.flip();
    long position = 0;
    while (headerBuffer.hasRemaining()) {
      position += channel.write(headerBuffer, position);
    }
  }

  private void fail(IOException cause) {
    failure = cause;
    staging.clear();
    moveTo(State.FAILED);
  }

  private IOException failureReport() {
    long stored = flushedBytes / blockAlign;
    return new IOException(
        file.getFileName()
            + " failed after "
            + stored
            + " stored samples ("
            + (samplesWritten - stored)
            + " samples lost): "
            + describe(failure),
        failure);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private void moveTo(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          file.getFileName() + ": cannot move " + state + " -> " + next);
    }
    state = next;
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing is best effort once the track is failed or abandoned.
    }
  }

  @Override
  public String toString() {
    return "WavTrackWriter[" + file + ", " + header + ", " + state + "]";
  }
}
