package io.srs.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.port.TrackSink;
import io.srs.rtp.packet.RtpHeader;
import io.srs.rtp.packet.RtpStatus;
import io.srs.rtp.timeline.PayloadSource;
import io.srs.rtp.timeline.SessionTimeline;
import io.srs.rtp.timeline.TrackPlacer;
import io.srs.storage.wav.WavHeader;
import io.srs.storage.wav.WavTrackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Receive → place → write for one G.711 stream (20 ms PCMU packets, 160-byte payloads), per packet:
 * RTP header validation and accessors on a {@link ByteBuf} (as the Netty handler does), the
 * placer's sequence/timestamp logic, the reorder window copy, the decoder seam (native passthrough)
 * and the track sink. The socket read is not included (see TOOLS.md for that floor).
 *
 * <p>Parameters: {@code sink} NOOP (counts bytes) or WAV (the real crash-safe {@link
 * WavTrackWriter} on a temp file; the file is replaced every {@link #PACKETS_PER_FILE} packets so
 * the page cache stays small, which adds a file create/delete amortised over that many packets);
 * {@code reorderPercent} 0 or 5 (adjacent packets swapped in sending order).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PlacementBenchmark {
  static final int SAMPLES = 160;
  static final int RING = 1024; // prebuilt packets, a power of two
  static final int PACKETS_PER_FILE = 1 << 16; // about 10 MiB of G.711 per file
  static final long TICK_NANOS = 20_000_000L;

  @Param({"NOOP", "WAV"})
  public String sink;

  @Param({"0", "5"})
  public int reorderPercent;

  private final ByteBuf[] packets = new ByteBuf[RING];
  private final int[] order = new int[RING];
  private final BufferPayload payload = new BufferPayload();
  private Path directory;
  private Path file;
  private WavTrackWriter writer;
  private TrackSink target;
  private TrackPlacer placer;
  private long sent;
  private int files;

  /** Reads payload bytes straight from the packet buffer, as the receiver does. */
  static final class BufferPayload implements PayloadSource {
    ByteBuf buffer;

    @Override
    public void copy(int sourceIndex, byte[] targetBytes, int targetOffset, int length) {
      buffer.getBytes(sourceIndex, targetBytes, targetOffset, length);
    }
  }

  /** Counts what would be written. */
  static final class NoopSink implements TrackSink {
    long samples;

    @Override
    public void write(byte[] source, int offset, int length) {
      samples += length;
    }

    @Override
    public void writeSilence(long count) {
      samples += count;
    }

    @Override
    public long samplesWritten() {
      return samples;
    }
  }

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    directory = Files.createTempDirectory("srs-bench");
    Random random = new Random(4733);
    for (int i = 0; i < RING; i++) {
      ByteBuf packet = Unpooled.buffer(12 + SAMPLES);
      packet.writeByte(0x80).writeByte(0).writeShort(0).writeInt(0).writeInt(0x5EED);
      for (int s = 0; s < SAMPLES; s++) {
        packet.writeByte(random.nextInt(255)); // never 0xFF; content does not matter
      }
      packets[i] = packet;
      order[i] = i;
    }
    for (int i = 0; i + 1 < RING; i++) {
      if (random.nextInt(100) < reorderPercent) {
        order[i] = i + 1; // sent after its successor
        order[i + 1] = i;
        i++;
      }
    }
  }

  @Setup(Level.Iteration)
  public void openTrack() throws IOException {
    sent = 0;
    newTrack();
  }

  @TearDown(Level.Iteration)
  public void closeTrack() throws IOException {
    dropTrack();
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    Files.deleteIfExists(directory);
  }

  private void newTrack() throws IOException {
    if ("WAV".equals(sink)) {
      file = directory.resolve("track-" + files++ + ".wav");
      writer = WavTrackWriter.create(file, WavHeader.of(AudioEncoding.MULAW, 8000, 1), 16 * 1024);
      target = writer;
    } else {
      target = new NoopSink();
    }
    SessionTimeline timeline = new SessionTimeline(Instant.EPOCH, 0);
    placer = new TrackPlacer(0, Codec.PCMU, 0, target, timeline, 8, 1472);
  }

  private void dropTrack() throws IOException {
    if (writer != null) {
      writer.abandon();
      Files.deleteIfExists(file);
      writer = null;
    }
  }

  /** One packet: the ring slot's header is rewritten with its sequence number and timestamp. */
  @Benchmark
  public long receivePlaceWrite() throws IOException {
    int slot = (int) (sent & (RING - 1));
    long logical = (sent & ~(long) (RING - 1)) + order[slot];
    ByteBuf packet = packets[slot];
    packet.setShort(2, (int) logical);
    packet.setInt(4, (int) (logical * SAMPLES));
    if (RtpHeader.validate(packet) != RtpStatus.VALID) {
      throw new IllegalStateException("bad packet");
    }
    payload.buffer = packet;
    placer.receive(
        RtpHeader.sequence(packet),
        RtpHeader.timestamp(packet),
        RtpHeader.ssrc(packet),
        RtpHeader.payloadType(packet),
        payload,
        RtpHeader.payloadIndex(packet),
        RtpHeader.payloadLength(packet),
        sent * TICK_NANOS);
    sent++;
    if ((sent & (PACKETS_PER_FILE - 1)) == 0) {
      dropTrack();
      newTrack();
    }
    return placer.samplesWritten();
  }
}
