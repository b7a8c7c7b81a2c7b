package io.srs.storage.wav;

import io.srs.core.media.AudioEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Finishes a track a killed process left behind. {@link WavTrackWriter} patches the header only
 * when its staging buffer flushes, and a crash can land between the data write and the header
 * patch, so the sizes in the header may lag the samples in the file. Repair sets them from the
 * file's actual length, cut to whole sample frames, appends the RIFF pad byte after odd data (RIFF
 * requires chunks on even offsets; {@link WavTrackWriter#finish()} does the same) and fsyncs.
 *
 * <p>It never removes a byte: a partial trailing frame stays in the file, outside the data chunk's
 * declared size. A header it cannot read is rewritten only when the caller knows what the track
 * holds (the in-flight manifest's spec); otherwise the file is left untouched and the result says
 * why.
 */
public final class WavRepair {

  /** Enough bytes for either header layout (58 for G.711, 44 for PCM). */
  private static final int HEADER_PROBE = 64;

  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WAVE = {'W', 'A', 'V', 'E'};
  private static final byte[] FMT = {'f', 'm', 't', ' '};
  private static final byte[] DATA = {'d', 'a', 't', 'a'};

  /**
   * What a repaired track holds.
   *
   * @param header the layout found (or rewritten); null when the file could not be repaired
   * @param fileBytes the file's size after repair
   * @param samples sample frames the header now declares
   * @param headerSamples sample frames the header declared before repair (what the last periodic
   *     patch had reached)
   * @param changed whether anything was written
   * @param problem what was wrong beyond a lagging header (rewritten header, unreadable file), or
   *     null
   */
  public record Result(
      WavHeader header,
      long fileBytes,
      long samples,
      long headerSamples,
      boolean changed,
      String problem) {

    /** Whether the file is a playable WAV now. */
    public boolean repaired() {
      return header != null;
    }
  }

  private WavRepair() {}

  /**
   * Repairs {@code file} in place.
   *
   * @param expected the layout the track was opened with, or null when unknown; used only when the
   *     file's own header cannot be read
   * @throws IOException when the file cannot be opened, read or written
   */
  public static Result repair(Path file, WavHeader expected) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer probe = ByteBuffer.allocate(HEADER_PROBE).order(ByteOrder.LITTLE_ENDIAN);
      while (probe.hasRemaining() && channel.read(probe, probe.position()) > 0) {
        // read what there is, up to the probe's size
      }
      probe.flip();
      String problem = null;
      WavHeader header;
      long headerDataBytes;
      try {
        header = parse(probe);
        headerDataBytes = Integer.toUnsignedLong(probe.getInt(header.dataSizeOffset()));
      } catch (IllegalArgumentException unreadable) {
        if (expected == null) {
          return new Result(
              null, size, 0, 0, false, "header unreadable (" + unreadable.getMessage() + ")");
        }
        header = expected;
        headerDataBytes = 0;
        problem =
            "header unreadable ("
                + unreadable.getMessage()
                + "), rewritten as "
                + expected
                + " from the in-flight manifest";
      }
      long available = Math.max(0, size - header.length());
      long dataBytes = Math.min(available - available % header.blockAlign(), header.maxDataBytes());
      boolean padded = false;
      boolean appended = false;
      if ((headerDataBytes & 1) == 1 && dataBytes == headerDataBytes + 1) {
        // A finished file's pad byte (its sidecar was never written): not a sample.
        dataBytes = headerDataBytes;
        padded = true;
      } else if ((dataBytes & 1) == 1) {
        // Odd data ends the file (frames are one byte then): the pad goes after it.
        channel.write(ByteBuffer.allocate(1), header.length() + dataBytes);
        padded = true;
        appended = true;
      }
      ByteBuffer wanted = ByteBuffer.allocate(header.length());
      header.encode(wanted, dataBytes, padded);
      wanted.flip();
      byte[] before = Arrays.copyOf(probe.array(), Math.min(probe.limit(), header.length()));
      boolean changed = appended;
      if (!Arrays.equals(before, Arrays.copyOf(wanted.array(), header.length()))) {
        long position = 0;
        while (wanted.hasRemaining()) {
          position += channel.write(wanted, position);
        }
        changed = true;
      }
      if (changed) {
        channel.force(true);
      }
      return new Result(
          header,
          channel.size(),
          dataBytes / header.blockAlign(),
          headerDataBytes / header.blockAlign(),
          changed,
          problem);
    }
  }

  /**
   * Reads the layout {@link WavHeader} writes: RIFF/WAVE, a {@code fmt } chunk of 16 (PCM) or 18
   * bytes, a {@code fact} chunk for G.711, then {@code data}.
   *
   * @throws IllegalArgumentException naming what was seen where something else was expected
   */
  static WavHeader parse(ByteBuffer bytes) {
    ByteBuffer in = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (in.limit() < 44) {
      throw new IllegalArgumentException(
          "file holds " + in.limit() + " bytes, fewer than a header");
    }
    expect(in, 0, RIFF, "RIFF");
    expect(in, 8, WAVE, "WAVE");
    expect(in, 12, FMT, "fmt ");
    int tag = in.getShort(WavHeader.FORMAT_TAG) & 0xFFFF;
    int channels = in.getShort(WavHeader.CHANNELS) & 0xFFFF;
    int rate = in.getInt(WavHeader.SAMPLE_RATE);
    int bits = in.getShort(WavHeader.BITS_PER_SAMPLE) & 0xFFFF;
    AudioEncoding encoding = null;
    for (AudioEncoding candidate : AudioEncoding.values()) {
      if (candidate.wavFormatTag() == tag && candidate.bitsPerSample() == bits) {
        encoding = candidate;
      }
    }
    if (encoding == null) {
      throw new IllegalArgumentException(
          "format tag 0x" + Integer.toHexString(tag) + " with " + bits + " bits is not ours");
    }
    WavHeader header = WavHeader.of(encoding, rate, channels);
    if (in.limit() < header.length()) {
      throw new IllegalArgumentException(
          "file holds "
              + in.limit()
              + " bytes, fewer than its "
              + header.length()
              + "-byte header");
    }
    expect(in, header.dataSizeOffset() - 4, DATA, "data");
    return header;
  }

  private static void expect(ByteBuffer in, int offset, byte[] id, String name) {
    for (int i = 0; i < id.length; i++) {
      if (in.get(offset + i) != id[i]) {
        throw new IllegalArgumentException("no '" + name + "' at offset " + offset);
      }
    }
  }
}
