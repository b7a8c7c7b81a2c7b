package io.srs.storage.stereo;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.G711;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WavTrackWriter;
import io.srs.storage.wav.WrittenTrack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Interleaves two finished mono tracks into one two-channel PCM16 WAV: frame {@code i} is (left
 * sample {@code i}, right sample {@code i}). G.711 is expanded exactly by core's {@link G711}
 * tables (ITU-T G.711 Tables 1a/2a); PCM16 is copied. The tracks share one timeline, so sample
 * {@code i} of each is the same instant; should one be shorter, it is continued with silence (0).
 *
 * <p>Runs at the end of a call, off the media thread. Memory is bounded: {@value #CHUNK_FRAMES}
 * frames at a time, whatever the call's length. The output goes through {@link WavTrackWriter}, so
 * its header is patched as it grows and it is fsynced when done.
 */
public final class StereoMixer {

  /** Frames read from each track per step: 4096 frames use 8 KiB per input, 16 KiB out. */
  static final int CHUNK_FRAMES = 4096;

  /**
   * A finished mono track to read.
   *
   * @param file the WAV file
   * @param header its header (the samples start at {@link WavHeader#length()})
   * @param samples samples it holds
   */
  public record Source(Path file, WavHeader header, long samples) {
    public Source {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(header, "header");
      if (header.channels() != 1) {
        throw new IllegalArgumentException(file + " has " + header.channels() + " channels, not 1");
      }
      if (samples < 0) {
        throw new IllegalArgumentException(file + ": negative sample count " + samples);
      }
    }
  }

  private final int stagingBytes;

  /**
   * @param stagingBytes the output writer's staging buffer ({@code storage.write-buffer-bytes})
   */
  public StereoMixer(int stagingBytes) {
    this.stagingBytes = stagingBytes;
  }

  /**
   * Writes {@code target} (which must not exist) from {@code left} (channel 0) and {@code right}
   * (channel 1).
   *
   * @throws IOException when a track cannot be read as its header says, or the output written
   */
  public WrittenTrack mix(Source left, Source right, Path target) throws IOException {
    int rate = left.header().sampleRate();
    if (right.header().sampleRate() != rate) {
      throw new IllegalArgumentException(
          "cannot interleave "
              + left.file().getFileName()
              + " at "
              + rate
              + " Hz with "
              + right.file().getFileName()
              + " at "
              + right.header().sampleRate()
              + " Hz");
    }
    long frames = Math.max(left.samples(), right.samples());
    WavTrackWriter out =
        WavTrackWriter.create(target, WavHeader.of(AudioEncoding.PCM16, rate, 2), stagingBytes);
    try (Reader l = new Reader(left);
        Reader r = new Reader(right)) {
      short[] leftSamples = new short[CHUNK_FRAMES];
      short[] rightSamples = new short[CHUNK_FRAMES];
      byte[] interleaved = new byte[CHUNK_FRAMES * 4];
      for (long done = 0; done < frames; ) {
        int n = (int) Math.min(CHUNK_FRAMES, frames - done);
        l.read(leftSamples, n);
        r.read(rightSamples, n);
        for (int i = 0; i < n; i++) {
          int at = 4 * i; // little endian, channel 0 first (WAVE data chunk frame order)
          interleaved[at] = (byte) leftSamples[i];
          interleaved[at + 1] = (byte) (leftSamples[i] >> 8);
          interleaved[at + 2] = (byte) rightSamples[i];
          interleaved[at + 3] = (byte) (rightSamples[i] >> 8);
        }
        out.write(interleaved, 0, 4 * n);
        done += n;
      }
    } catch (IOException | RuntimeException e) {
      out.abandon();
      throw e;
    }
    return out.finish();
  }

  /** Reads one track's samples as linear PCM, chunk by chunk, silence past its end. */
  private static final class Reader implements AutoCloseable {
    private final Source source;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int bytesPerSample;
    private long position;
    private long remaining;

    Reader(Source source) throws IOException {
      this.source = source;
      this.channel = FileChannel.open(source.file(), StandardOpenOption.READ);
      this.bytesPerSample = source.header().encoding().bytesPerSample();
      this.buffer = ByteBuffer.allocate(CHUNK_FRAMES * bytesPerSample);
      this.buffer.order(ByteOrder.LITTLE_ENDIAN);
      this.position = source.header().length();
      this.remaining = source.samples();
    }

    void read(short[] into, int count) throws IOException {
      int available = (int) Math.min(count, remaining);
      buffer.clear().limit(available * bytesPerSample);
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new IOException(
              source.file().getFileName()
                  + " ends at byte "
                  + position
                  + " but its header promised "
                  + source.samples()
                  + " samples");
        }
        position += n;
      }
      buffer.flip();
      AudioEncoding encoding = source.header().encoding();
      for (int i = 0; i < available; i++) {
        into[i] =
            switch (encoding) {
              case MULAW -> G711.mulawToLinear(buffer.get());
              case ALAW -> G711.alawToLinear(buffer.get());
              case PCM16 -> buffer.getShort();
            };
      }
      Arrays.fill(into, available, count, (short) 0);
      remaining -= available;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
