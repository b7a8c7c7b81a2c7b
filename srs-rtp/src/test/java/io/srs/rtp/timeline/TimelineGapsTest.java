package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.core.port.StreamTimeline.SsrcChange;
import io.srs.rtp.InMemoryTrackSink;
import io.srs.rtp.timeline.PacketScript.Track;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every silence the placer writes is a gap with its cause, at an exact sample offset. */
class TimelineGapsTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final long SSRC = 0x1234_5678L;
  private static final int PCMU = 0;

  private final SessionTimeline timeline = new SessionTimeline(T0, 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private final TrackPlacer placer = new TrackPlacer(0, Codec.PCMU, PCMU, sink, timeline, 8, 1472);

  /** Packet n of a regular 20 ms stream: seq 1000 + n, ts 5000 + 160n, arriving at 20n ms. */
  private void packet(int n) {
    receive(placer, 1000 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
  }

  private void close(long endSamples) {
    placer.flush();
    placer.padTo(endSamples);
  }

  @Test
  void lostPacketsAreOneLossGapAtTheirExactOffset() {
    for (int n = 0; n < 20; n++) {
      if (n != 5 && n != 6) {
        packet(n);
      }
    }
    close(20 * SAMPLES);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(800, 320, GapCause.LOSS));
    StreamStats stats = placer.stats();
    assertThat(stats.packetsLost()).isEqualTo(2);
    assertThat(stats.silenceSamples()).isEqualTo(320);
    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 4).silence(320).packets(7, 19).bytes());
  }

  @Test
  void reorderedAndDuplicatedPacketsLeaveNoGap() {
    for (int n : new int[] {0, 2, 1, 3, 3, 5, 4, 6, 1, 7, 8, 9, 10, 11}) {
      packet(n);
    }
    close(12 * SAMPLES);

    assertThat(placer.timeline().gaps()).isEmpty();
    assertThat(placer.stats().packetsDuplicate()).isEqualTo(2);
    assertThat(placer.stats().packetsLost()).isZero();
    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 11).bytes());
  }

  @Test
  void lossAcrossSequenceAndTimestampWrapIsPlacedExactly() {
    long ts0 = 0xFFFF_FFFFL - 3 * SAMPLES + 1; // the timestamp wraps between packets 2 and 3
    for (int n = 0; n < 12; n++) {
      if (n != 4) { // sequence 65533 + 4 = 1 after the wrap
        receive(placer, 65533 + n, ts0 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
      }
    }
    close(12 * SAMPLES);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(640, 160, GapCause.LOSS));
    assertThat(placer.stats().packetsExpected()).isEqualTo(12);
    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 3).silence(SAMPLES).packets(5, 11).bytes());
  }

  @Test
  void ssrcChangeWithJitteryArrivalsAnchorsOnTheLeastDelayedPacket() {
    for (int n = 0; n < 10; n++) {
      packet(n);
    }
    // The new source really starts at 500 ms; the network delays its packets by 0..15 ms and the
    // first one by 15 ms. Anchoring on the first packet alone would put it 120 samples late.
    long other = 0xCAFE_BABEL;
    int[] delayMs = {15, 9, 12, 0, 7, 11, 3, 14, 6, 10, 2, 8};
    for (int n = 0; n < delayMs.length; n++) {
      receive(
          placer,
          40_000 + n,
          900_000 + SAMPLES * n,
          other,
          PCMU,
          payload(100 + n),
          (500 + 20 * n + delayMs[n]) * MS);
    }
    close(4000 + 12 * SAMPLES);

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).silence(4000 - 1600).packets(100, 111).bytes());
    assertThat(placer.timeline().gaps()).containsExactly(new Gap(1600, 2400, GapCause.REANCHOR));
    assertThat(placer.timeline().ssrcChanges())
        .containsExactly(new SsrcChange(4000, SSRC, other, T0.plusMillis(515)));
    assertThat(placer.stats().packetsExpected()).isEqualTo(22);
  }

  @Test
  void lossBeforeAnSsrcChangeStaysLossAndTheChangeIsReanchor() {
    for (int n = 0; n < 10; n++) {
      if (n != 8) {
        packet(n);
      }
    }
    for (int n = 0; n < 3; n++) {
      receive(placer, 9 + n, SAMPLES * n, 0xCAFEL, PCMU, payload(50 + n), (500 + 20 * n) * MS);
    }
    close(0);

    assertThat(placer.timeline().gaps())
        .containsExactly(new Gap(1280, 160, GapCause.LOSS), new Gap(1600, 2400, GapCause.REANCHOR));
    assertThat(placer.stats().packetsLost()).isEqualTo(1);
  }

  @Test
  void anchorEstimateUsesOnlyTheFirstEightPackets() {
    for (int n = 0; n < 10; n++) {
      packet(n);
    }
    long other = 0xCAFE_BABEL;
    for (int n = 0; n < 12; n++) {
      // Eight packets 10 ms late, then a ninth on time: it comes after the bound and is ignored.
      long delay = n < SegmentAnchor.SETTLE_PACKETS ? 10 : 0;
      receive(
          placer, 40_000 + n, SAMPLES * n, other, PCMU, payload(n), (500 + 20 * n + delay) * MS);
    }
    close(0);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(1600, 2480, GapCause.REANCHOR));
  }

  @Test
  void timestampJumpIsReanchoredByArrivalTime() {
    for (int n = 0; n < 5; n++) {
      packet(n);
    }
    // Same SSRC and next sequence, but the timestamp leaps 100 s; it arrives at 1 s.
    receive(placer, 1005, 5000 + 800_000, SSRC, PCMU, payload(5), 1000 * MS);
    close(0);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(800, 7200, GapCause.REANCHOR));
    assertThat(placer.stats().packetsLost()).isZero();
  }

  @Test
  void comfortNoiseAndSilenceSuppressionAreDtxGaps() {
    for (int n = 0; n < 5; n++) {
      packet(n);
    }
    receive(placer, 1005, 5000 + 5 * SAMPLES, SSRC, 13, new byte[] {40}, 100 * MS); // RFC 3389
    receive(placer, 1006, 5000 + 20 * SAMPLES, SSRC, PCMU, payload(20), 400 * MS);
    close(21 * SAMPLES);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(800, 2400, GapCause.DTX));
    assertThat(placer.stats().packetsDiscarded()).isZero();
    assertThat(placer.stats().packetsLost()).isZero();
  }

  @Test
  void lossFollowedByDtxIsSplitLossFirst() {
    for (int n = 0; n < 5; n++) {
      packet(n);
    }
    // Sequence 1005 is lost; 1006 comes 10 packets' time later: one packet of loss, then DTX.
    receive(placer, 1006, 5000 + 15 * SAMPLES, SSRC, PCMU, payload(15), 300 * MS);
    close(16 * SAMPLES);

    assertThat(placer.timeline().gaps())
        .containsExactly(new Gap(800, 160, GapCause.LOSS), new Gap(960, 1440, GapCause.DTX));
    assertThat(placer.stats().packetsLost()).isEqualTo(1);
  }

  @Test
  void streamStartingLateHasALeadInAndEndsWithATail() {
    TrackPlacer first =
        new TrackPlacer(1, Codec.PCMU, PCMU, InMemoryTrackSink.mulaw(), timeline, 8, 1472);
    receive(first, 1, 0, 0xBEEFL, PCMU, payload(0), 0); // fixes the session origin at 0
    receive(placer, 7, 0, SSRC, PCMU, payload(0), 100 * MS);
    close(2000);

    assertThat(placer.timeline().gaps())
        .containsExactly(
            new Gap(0, 800, GapCause.LEAD_IN), new Gap(960, 2000 - 960, GapCause.TAIL));
    assertThat(placer.stats().silenceSamples()).isEqualTo(800 + 1040);
  }

  @Test
  void gapsBeyondTheCapAreCountedNotListed() {
    TimelineLog log = new TimelineLog();
    for (int i = 0; i < TimelineLog.MAX_GAPS + 5; i++) {
      log.gap(10L * i, 1, i % 2 == 0 ? GapCause.LOSS : GapCause.DTX); // never adjacent: no merge
    }

    assertThat(log.toStreamTimeline(0, 8000).gaps()).hasSize(TimelineLog.MAX_GAPS);
    assertThat(log.gapsOmitted()).isEqualTo(5);
  }

  @Test
  void adjacentGapsOfOneCauseMerge() {
    TimelineLog log = new TimelineLog();
    log.gap(0, 100, GapCause.LOSS);
    log.gap(100, 60, GapCause.LOSS);
    log.gap(160, 40, GapCause.DTX);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(0, 160, GapCause.LOSS), new Gap(160, 40, GapCause.DTX));
  }
}
