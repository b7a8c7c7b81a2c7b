package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.srs.core.media.Codec;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline.SsrcChange;
import io.srs.core.port.TrackSink;
import io.srs.rtp.InMemoryTrackSink;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackPlacerTest {
  private static final long MS = 1_000_000L;
  private static final long SSRC = 0x1234_5678L;
  private static final int PCMU = 0;
  private static final int SAMPLES = 160; // 20 ms at 8 kHz
  private static final byte SILENCE = (byte) 0xFF;

  private final SessionTimeline timeline =
      new SessionTimeline(Instant.parse("2025-01-01T00:00:00Z"), 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private final TrackPlacer placer = placer(sink);

  private TrackPlacer placer(InMemoryTrackSink target) {
    return new TrackPlacer(0, Codec.PCMU, PCMU, target, timeline, 8, 1472);
  }

  /** A 20 ms payload whose every byte names its packet (never 0xFF, the silence byte). */
  private static byte[] payload(int n) {
    byte[] bytes = new byte[SAMPLES];
    Arrays.fill(bytes, (byte) (1 + Math.floorMod(n, 200)));
    return bytes;
  }

  private static void receive(
      TrackPlacer to, int seq, long ts, long ssrc, int pt, byte[] payload, long arrival) {
    to.receive(
        seq & 0xFFFF,
        ts & 0xFFFF_FFFFL,
        ssrc,
        pt,
        PayloadSource.of(payload),
        0,
        payload.length,
        arrival);
  }

  /** Packet n of a regular 20 ms stream: seq 1000 + n, ts 5000 + 160n, arriving at 20n ms. */
  private static void packet(TrackPlacer to, int n) {
    receive(to, 1000 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
  }

  /** The expected track, built from packets and silence. */
  private static final class Track {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Track packets(int from, int toInclusive) {
      for (int n = from; n <= toInclusive; n++) {
        bytes.writeBytes(payload(n));
      }
      return this;
    }

    Track silence(int samples) {
      for (int i = 0; i < samples; i++) {
        bytes.write(SILENCE);
      }
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  @Test
  void inOrderStreamIsWrittenBackToBack() {
    for (int n = 0; n < 20; n++) {
      packet(placer, n);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 19).bytes());
    StreamStats stats = placer.stats();
    assertThat(stats.packetsReceived()).isEqualTo(20);
    assertThat(stats.packetsExpected()).isEqualTo(20);
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.samplesWritten()).isEqualTo(20 * SAMPLES);
    assertThat(stats.silenceSamples()).isZero();
    assertThat(stats.firstSsrc()).isEqualTo(SSRC);
    assertThat(stats.firstPacketAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void lostPacketBecomesSilenceExactlyWhereItWas() {
    for (int n = 0; n < 20; n++) {
      if (n != 5) {
        packet(placer, n);
      }
    }
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 4).silence(SAMPLES).packets(6, 19).bytes());
    StreamStats stats = placer.stats();
    assertThat(stats.packetsLost()).isEqualTo(1);
    assertThat(stats.packetsExpected()).isEqualTo(20);
    assertThat(stats.packetsReceived()).isEqualTo(19);
    assertThat(stats.silenceSamples()).isEqualTo(SAMPLES);
  }

  @Test
  void missingPacketIsDeclaredLostOnceTheWindowIsFull() {
    for (int n = 0; n <= 12; n++) {
      if (n != 5) {
        packet(placer, n);
      }
    }
    assertThat(placer.stats().packetsLost()).isZero();
    assertThat(sink.samplesWritten()).isEqualTo(5 * SAMPLES);

    packet(placer, 13); // 5 + window of 8: the hole leaves the window
    packet(placer, 14);

    assertThat(placer.stats().packetsLost()).isEqualTo(1);
    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 4).silence(SAMPLES).packets(6, 6).bytes());
  }

  @Test
  void reorderedPairIsWrittenInSequenceOrder() {
    for (int n : new int[] {0, 1, 2, 4, 3, 5, 6, 7, 8, 9}) {
      packet(placer, n);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 9).bytes());
    assertThat(placer.stats().packetsLost()).isZero();
    assertThat(placer.stats().silenceSamples()).isZero();
  }

  @Test
  void packetsReorderedAtTheVeryStartAreKept() {
    for (int n : new int[] {1, 0, 2, 3}) {
      packet(placer, n);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 3).bytes());
    assertThat(placer.stats().packetsExpected()).isEqualTo(4);
  }

  @Test
  void duplicatesAreDroppedAndCounted() {
    for (int n = 0; n < 12; n++) {
      packet(placer, n);
    }
    packet(placer, 1); // already written
    packet(placer, 11); // still held in the window
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 11).bytes());
    assertThat(placer.stats().packetsDuplicate()).isEqualTo(2);
    assertThat(placer.stats().packetsReceived()).isEqualTo(14);
  }

  @Test
  void sequenceWrapFrom65535ToZeroIsContinuous() {
    for (int n = 0; n < 12; n++) {
      receive(placer, 65530 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 11).bytes());
    assertThat(placer.stats().packetsExpected()).isEqualTo(12);
    assertThat(placer.stats().packetsLost()).isZero();
  }

  @Test
  void timestampWrapIsContinuous() {
    long start = 0xFFFF_FFFFL - 400;
    for (int n = 0; n < 10; n++) {
      receive(placer, 7 + n, start + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
    }
    placer.flush();

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 9).bytes());
    assertThat(placer.stats().silenceSamples()).isZero();
  }

  @Test
  void ssrcChangeIsReanchoredByArrivalTime() {
    for (int n = 0; n < 10; n++) {
      packet(placer, n);
    }
    long otherSsrc = 0xCAFE_BABEL;
    for (int n = 0; n < 5; n++) {
      // A transfer: new SSRC, unrelated sequence and timestamp, arriving from 500 ms.
      receive(
          placer,
          40_000 + n,
          900_000 + SAMPLES * n,
          otherSsrc,
          PCMU,
          payload(100 + n),
          500 * MS + 20 * MS * n);
    }
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).silence(4000 - 1600).packets(100, 104).bytes());
    StreamStats stats = placer.stats();
    assertThat(stats.ssrcChanges()).isEqualTo(1);
    assertThat(stats.firstSsrc()).isEqualTo(SSRC);
    assertThat(stats.packetsExpected()).isEqualTo(15);
    assertThat(stats.packetsLost()).isZero();
  }

  @Test
  void timestampLeapBeyondTenSecondsIsReanchoredByArrivalTime() {
    for (int n = 0; n < 5; n++) {
      packet(placer, n);
    }
    // Same SSRC, next sequence, but the timestamp leaps 100 s; it arrives at 1 s.
    receive(placer, 1005, 5000 + 800_000, SSRC, PCMU, payload(5), 1000 * MS);
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 4).silence(8000 - 800).packets(5, 5).bytes());
    assertThat(placer.stats().packetsLost()).isZero();
  }

  @Test
  void latePacketBeyondTheWindowIsDroppedAndCounted() {
    for (int n = 0; n < 16; n++) {
      if (n != 3) {
        packet(placer, n);
      }
    }
    packet(placer, 3); // its hole was declared lost when packet 11 arrived
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 2).silence(SAMPLES).packets(4, 15).bytes());
    assertThat(placer.stats().packetsLate()).isEqualTo(1);
    assertThat(placer.stats().packetsLost()).isEqualTo(1);
  }

  @Test
  void partlyOverlappingPacketWritesOnlyItsTail() {
    byte[] first = new byte[SAMPLES];
    byte[] second = new byte[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      first[i] = (byte) i;
      second[i] = (byte) (i + 50);
    }
    receive(placer, 1, 0, SSRC, PCMU, first, 0);
    receive(placer, 2, 80, SSRC, PCMU, second, 10 * MS); // starts half-way into the first
    placer.flush();

    byte[] expected = new byte[SAMPLES + 80];
    System.arraycopy(first, 0, expected, 0, SAMPLES);
    System.arraycopy(second, 80, expected, SAMPLES, 80);
    assertThat(sink.bytes()).isEqualTo(expected);
  }

  @Test
  void comfortNoiseGapBecomesSilenceWithoutLossOrDiscard() {
    for (int n = 0; n < 5; n++) {
      packet(placer, n);
    }
    // RFC 3389 CN at packet 5's time, then DTX: audio resumes at packet 20's time, sequence 1006.
    receive(placer, 1005, 5000 + 5 * SAMPLES, SSRC, 13, new byte[] {40}, 100 * MS);
    receive(placer, 1006, 5000 + 20 * SAMPLES, SSRC, PCMU, payload(20), 400 * MS);
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 4).silence(15 * SAMPLES).packets(20, 20).bytes());
    StreamStats stats = placer.stats();
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.packetsDiscarded()).isZero();
    assertThat(stats.packetsExpected()).isEqualTo(7);
  }

  @Test
  void unnegotiatedPayloadTypeIsDiscardedButNotCountedLost() {
    for (int n = 0; n < 6; n++) {
      if (n == 3) {
        receive(placer, 1003, 5000 + 3 * SAMPLES, SSRC, 101, new byte[4], 60 * MS);
      } else {
        packet(placer, n);
      }
    }
    placer.flush();

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 2).silence(SAMPLES).packets(4, 5).bytes());
    assertThat(placer.stats().packetsDiscarded()).isEqualTo(1);
    assertThat(placer.stats().packetsLost()).isZero();
  }

  @Test
  void secondStreamStarting100MillisecondsLaterGetsLeadingSilence() {
    InMemoryTrackSink laterSink = InMemoryTrackSink.mulaw();
    TrackPlacer later = placer(laterSink);
    packet(placer, 0); // fixes the session origin at 0
    receive(later, 77, 123_456, 0xBEEFL, PCMU, payload(50), 100 * MS);
    receive(later, 78, 123_456 + SAMPLES, 0xBEEFL, PCMU, payload(51), 120 * MS);
    later.flush();

    assertThat(laterSink.bytes()).isEqualTo(new Track().silence(800).packets(50, 51).bytes());
    assertThat(later.stats().silenceSamples()).isEqualTo(800);
  }

  @Test
  void paddingToTheSessionEndGivesTracksEqualLength() {
    InMemoryTrackSink shortSink = InMemoryTrackSink.mulaw();
    TrackPlacer shorter = placer(shortSink);
    for (int n = 0; n < 10; n++) {
      packet(placer, n);
    }
    for (int n = 0; n < 5; n++) {
      receive(shorter, 300 + n, SAMPLES * n, 0xBEEFL, PCMU, payload(n), 20 * MS * n);
    }
    placer.flush();
    shorter.flush();

    long end = timeline.endNanos(150 * MS, List.of(placer, shorter)); // wall clock behind
    placer.padTo(SessionTimeline.samplesIn(end, 8000));
    shorter.padTo(SessionTimeline.samplesIn(end, 8000));

    assertThat(end).isEqualTo(200 * MS);
    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 9).bytes());
    assertThat(shortSink.bytes()).isEqualTo(new Track().packets(0, 4).silence(800).bytes());
  }

  @Test
  void sessionEndFollowsTheWallClockWhenItIsLater() {
    packet(placer, 0);
    placer.flush();

    long end = timeline.endNanos(1000 * MS, List.of(placer));
    placer.padTo(SessionTimeline.samplesIn(end, 8000));

    assertThat(sink.samplesWritten()).isEqualTo(8000);
  }

  @Test
  void stragglerFromTheSsrcBeforeAChangeIsLate() {
    for (int n = 0; n < 3; n++) {
      packet(placer, n);
    }
    receive(placer, 9, 0, 0xBEEFL, PCMU, payload(9), 60 * MS);
    packet(placer, 3); // old SSRC again
    placer.flush();

    assertThat(placer.stats().ssrcChanges()).isEqualTo(1);
    assertThat(placer.stats().packetsLate()).isEqualTo(1);
    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 2).packets(9, 9).bytes());
  }

  @Test
  void sequenceRestartIsBelievedOnlyWhenTheNextPacketFollows() {
    for (int n = 0; n < 3; n++) {
      packet(placer, n);
    }
    // The sender restarts its sequence at 30000 (a jump beyond RFC 3550 §A.1 MAX_DROPOUT).
    receive(placer, 30_000, 5000 + 3 * SAMPLES, SSRC, PCMU, payload(3), 60 * MS);
    receive(placer, 30_001, 5000 + 4 * SAMPLES, SSRC, PCMU, payload(4), 80 * MS);
    receive(placer, 30_002, 5000 + 5 * SAMPLES, SSRC, PCMU, payload(5), 100 * MS);
    placer.flush();

    // The first packet after the jump is dropped while on probation; the rest continue by arrival.
    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 2).silence(SAMPLES).packets(4, 5).bytes());
    assertThat(placer.stats().packetsDiscarded()).isEqualTo(1);
    assertThat(placer.stats().packetsExpected()).isEqualTo(5);
  }

  @Test
  void secondSsrcChangeBeforeTheFirstIsWrittenLogsBothChangesFaithfully() {
    long b = 0xBBBBL;
    long c = 0xCCCCL;
    for (int n = 0; n < 10; n++) {
      packet(placer, n);
    }
    // B's three packets are still in the reorder window when C takes over.
    for (int n = 0; n < 3; n++) {
      receive(
          placer, 2000 + n, 70_000 + SAMPLES * n, b, PCMU, payload(20 + n), (200 + 20 * n) * MS);
    }
    for (int n = 0; n < 3; n++) {
      receive(
          placer, 3000 + n, 90_000 + SAMPLES * n, c, PCMU, payload(40 + n), (260 + 20 * n) * MS);
    }
    placer.flush();

    assertThat(placer.timeline().ssrcChanges())
        .extracting(SsrcChange::previousSsrc, SsrcChange::ssrc)
        .containsExactly(tuple(SSRC, b), tuple(b, c));
  }

  /** Counts what it is given and keeps nothing, so only the placer's allocations are measured. */
  private static final class CountingSink implements TrackSink {
    private long samples;

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

  /**
   * Packets {@code from} until {@code to} of a steady stream in which every 16th pair is swapped in
   * sending order and every 50th packet comes twice: the reorder and duplicate paths run too.
   */
  private static void stream(TrackPlacer placer, PayloadSource source, int from, int to) {
    for (int i = from; i < to; i++) {
      int n = i % 16 == 0 ? i + 1 : i % 16 == 1 ? i - 1 : i;
      int copies = n % 50 == 0 ? 2 : 1;
      for (int c = 0; c < copies; c++) {
        placer.receive(
            n & 0xFFFF,
            (SAMPLES * (long) n) & 0xFFFF_FFFFL,
            SSRC,
            PCMU,
            source,
            0,
            SAMPLES,
            20 * MS * i);
      }
    }
  }

  @Test
  void placingAPacketAllocatesNothing() {
    TrackPlacer steady =
        new TrackPlacer(0, Codec.PCMU, PCMU, new CountingSink(), timeline, 8, 1472);
    PayloadSource source = PayloadSource.of(payload(7));
    stream(steady, source, 0, 20_000); // warm-up: class loading, JIT, first-use tables
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long before = threads.getCurrentThreadAllocatedBytes();
    stream(steady, source, 20_000, 120_000);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(steady.stats().packetsLost()).isZero();
    assertThat(steady.stats().packetsDuplicate()).isEqualTo(120_000 / 50);
    assertThat(allocated).as("bytes allocated by 100,000 packets").isLessThan(16 * 1024);
  }
}
