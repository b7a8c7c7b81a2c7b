package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.firstSound;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * RFC 3550 §6.4.1 sender reports keep streams in step. Stream A arrives on time and reports first;
 * stream B's packets take 40 ms longer through the network, so arrival alone places it 320 samples
 * late. Both senders share one NTP clock (one SRC forks both legs).
 */
class SenderReportAlignmentTest {
  private static final long NTP0 = 3_900_000_000L * 1_000_000_000L; // some instant in 2023
  private static final long A = 0xAAAAL;
  private static final long B = 0xBBBBL;
  private static final int PCMU = 0;

  private final SessionTimeline timeline =
      new SessionTimeline(Instant.parse("2025-01-01T00:00:00Z"), 0);
  private final InMemoryTrackSink sinkA = InMemoryTrackSink.mulaw();
  private final InMemoryTrackSink sinkB = InMemoryTrackSink.mulaw();
  private final TrackPlacer a = new TrackPlacer(0, Codec.PCMU, PCMU, sinkA, timeline, 8, 1472);
  private final TrackPlacer b = new TrackPlacer(1, Codec.PCMU, PCMU, sinkB, timeline, 8, 1472);

  /** A's packet n: ts 1000 + 160n, sent (and received) at 20n ms. */
  private void packetA(int n) {
    receive(a, 100 + n, 1000 + SAMPLES * n, A, PCMU, payload(n), 20 * MS * n);
  }

  /** B's packet n: ts 70000 + 160n, sent at 20n ms, received at 40 + 20n ms. */
  private void packetB(int n, int seq) {
    receive(b, seq, 70_000 + SAMPLES * n, B, PCMU, payload(n), (40 + 20 * n) * MS);
  }

  /** A reports: its ts 1000 + 8000 was sent at NTP0 + 1 s. */
  private void reportA() {
    a.onSenderReport(A, NTP0 + 1000 * MS, 1000 + 8000);
  }

  /** B reports: its ts 70000 + 4000 was sent at NTP0 + 0.5 s (so ts 70000 at NTP0). */
  private void reportB(long skewMs) {
    b.onSenderReport(B, NTP0 + (500 + skewMs) * MS, 70_000 + 4000);
  }

  @Test
  void firstStreamWithAReportBecomesTheReference() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();

    assertThat(timeline.hasSenderReference()).isTrue();
    assertThat(timeline.senderReferenceStream()).isZero();
    assertThat(timeline.timelineNanosAt(NTP0)).isZero(); // A's ts 1000 sits at 0
  }

  @Test
  void reportKnownBeforeTheFirstWriteAlignsTheNewStreamAtOnce() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();
    reportB(0);
    for (int n = 0; n < 20; n++) {
      packetB(n, 500 + n);
    }
    a.flush();
    b.flush();

    assertThat(firstSound(sinkB)).isZero(); // not 320: arrival alone is 40 ms late
    assertThat(sinkB.bytes()).startsWith(payload(0));
    assertThat(b.timeline().gaps()).isEmpty();
  }

  @Test
  void laterReportPullsTheStreamEarlierInsideItsNextSilence() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();
    for (int n = 0; n < 20; n++) {
      packetB(n, 500 + n);
    }
    reportB(0); // B is settled at 320: 40 ms late; continuous audio cannot move
    for (int n = 30; n < 40; n++) {
      packetB(n, 500 + n - 10); // after 200 ms of DTX, sequence continuous
    }
    b.flush();

    // Packet 30 belongs at 30 * 160 = 4800; the DTX gap shrinks by 320 to put it there.
    assertThat(b.timeline().gaps())
        .containsExactly(new Gap(0, 320, GapCause.LEAD_IN), new Gap(3520, 1280, GapCause.DTX));
    byte[] track = sinkB.bytes();
    assertThat(track[4800]).isEqualTo(payload(30)[0]);
  }

  @Test
  void reportSayingLaterInsertsAReanchorGapBeforeTheNextPacket() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();
    for (int n = 0; n < 20; n++) {
      packetB(n, 500 + n);
    }
    reportB(80); // B's ts 70000 was sent at 80 ms: 40 ms later than its arrival placed it
    for (int n = 20; n < 30; n++) {
      packetB(n, 500 + n);
    }
    b.flush();

    // Packets 0..19 were placed (and written) from 320; the window still held 12..19.
    assertThat(b.timeline().gaps())
        .containsExactly(
            new Gap(0, 320, GapCause.LEAD_IN), new Gap(320 + 12 * 160, 320, GapCause.REANCHOR));
  }

  @Test
  void smallDifferencesAndUnrelatedClocksAreLeftAlone() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();
    reportB(45); // B's ts 70000 at 45 ms: within 10 ms of its arrival placement at 40 ms
    for (int n = 0; n < 20; n++) {
      packetB(n, 500 + n);
    }
    b.onSenderReport(B, NTP0 + 3600_000 * MS, 70_000); // an hour off: not the same clock
    for (int n = 30; n < 40; n++) {
      packetB(n, 500 + n - 10);
    }
    b.flush();

    assertThat(b.timeline().gaps())
        .containsExactly(new Gap(0, 320, GapCause.LEAD_IN), new Gap(3520, 1600, GapCause.DTX));
  }

  @Test
  void reportOfAnotherSsrcIsIgnored() {
    for (int n = 0; n < 20; n++) {
      packetA(n);
    }
    reportA();
    b.onSenderReport(0xDEADL, NTP0, 70_000);
    for (int n = 0; n < 20; n++) {
      packetB(n, 500 + n);
    }
    b.flush();

    assertThat(firstSound(sinkB)).isEqualTo(320);
  }
}
