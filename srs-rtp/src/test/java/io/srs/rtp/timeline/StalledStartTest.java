package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The event loop stalls on a session's first packets (a cold JVM loading classes): they are read
 * 200 ms late, in one burst. Audio placement is unaffected, and the origin is recovered from the
 * packets that follow on time, so wall-clock instants (a pause) land where they happened; a second
 * stream that started during the stall keeps its distance from the first.
 */
class StalledStartTest {
  private static final Instant OPENED = Instant.parse("2025-01-01T00:00:00Z");
  private static final long STALL = 200 * MS;
  private static final int PCMU = 0;

  private final SessionTimeline timeline = new SessionTimeline(OPENED, 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private final TrackPlacer placer =
      new TrackPlacer(
          0,
          TrackFormats.g711(Codec.PCMU, PCMU),
          sink,
          timeline,
          8,
          1472,
          false,
          PauseMode.SILENCE);

  // A second stream on the same timeline.
  private final InMemoryTrackSink later = InMemoryTrackSink.mulaw();
  private final TrackPlacer second =
      new TrackPlacer(
          1,
          TrackFormats.g711(Codec.PCMU, PCMU),
          later,
          timeline,
          8,
          1472,
          false,
          PauseMode.SILENCE);

  private void sendWithStalledStart(int packets) {
    for (int n = 0; n < packets; n++) {
      long sentAt = 20 * MS * n;
      long readAt = Math.max(sentAt, STALL); // everything sent during the stall is read at its end
      receive(placer, 100 + n, 4000 + (long) SAMPLES * n, 0x42, PCMU, payload(n), readAt);
    }
  }

  @Test
  void theOriginIsRecoveredFromPacketsReadOnTime() {
    sendWithStalledStart(50);

    assertThat(timeline.origin()).isEqualTo(OPENED);
  }

  @Test
  void aPauseLandsAtTheWallClockInstantItHappened() {
    sendWithStalledStart(50); // 1 s of audio
    placer.pause(GapCause.PAUSE, 1000 * MS);
    placer.resume(1500 * MS);
    for (int n = 75; n < 80; n++) {
      receive(placer, 200 + n, 90_000 + (long) SAMPLES * n, 0x42, PCMU, payload(n), 20 * MS * n);
    }
    placer.flush();

    assertThat(placer.timeline().gaps()).contains(new Gap(8000, 4000, GapCause.PAUSE));
  }

  /**
   * Stream 0 sends packet n at 20n ms, stream 1 at {@code startMs} + 20n ms (a multiple of 10);
   * whatever is sent before {@code stall} is read at its end. Both are on one timeline.
   */
  private void sendTwoStreamsWithStalledStart(int startMs, long stall) {
    for (int ms = 0; ms < 1000; ms += 10) {
      long readAt = Math.max(ms * MS, stall);
      if (ms % 20 == 0) {
        int n = ms / 20;
        receive(placer, 100 + n, 4000 + (long) SAMPLES * n, 0x42, PCMU, payload(n), readAt);
      }
      if (ms >= startMs && (ms - startMs) % 20 == 0) {
        int n = (ms - startMs) / 20;
        receive(second, 500 + n, 70_000 + (long) SAMPLES * n, 0x43, PCMU, payload(n), readAt);
      }
    }
    placer.flush();
    second.flush();
  }

  /** Where packet {@code n}'s payload first appears in the track. */
  private static int positionOf(int n, InMemoryTrackSink track) {
    byte[] bytes = track.bytes();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == payload(n)[0]) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aStreamThatStartsDuringTheStallKeepsItsLeadIn() {
    sendTwoStreamsWithStalledStart(60, STALL);

    assertThat(timeline.origin()).isEqualTo(OPENED);
    assertThat(PacketScript.firstSound(sink)).isZero();
    assertThat(PacketScript.firstSound(later)).isEqualTo(60 * 8); // 60 ms at 8 kHz
    assertThat(placer.timeline().gaps()).isEmpty();
    assertThat(second.timeline().gaps()).containsExactly(new Gap(0, 480, GapCause.LEAD_IN));
  }

  @Test
  void aStreamAnchoredBeforeTheOriginWasRecoveredMovesLaterByAsMuch() {
    // Stream 1's anchor settles in the burst, before stream 0's packets read on time move the
    // origin 200 ms earlier: from then on its audio sits 10 ms after stream 0's, as sent.
    sendTwoStreamsWithStalledStart(10, STALL);

    assertThat(timeline.origin()).isEqualTo(OPENED);
    for (int n = 10; n < 45; n++) {
      assertThat(positionOf(n, later)).as("stream 1 packet %d", n).isEqualTo(80 + n * SAMPLES);
    }
    assertThat(second.timeline().gaps()).containsExactly(new Gap(320, 80, GapCause.REANCHOR));
  }

  @Test
  void arrivalsAfterTheSettleWindowNoLongerMoveTheOrigin() {
    SessionTimeline settled = new SessionTimeline(OPENED, 0);
    settled.positionOf(1000 * MS, 8000);

    settled.observe(3500 * MS, 500 * MS); // 3 s of audio read 2.5 s after the first packet

    assertThat(settled.origin()).isEqualTo(OPENED.plusMillis(1000));
  }

  @Test
  void theOriginNeverMovesBeforeTheReceiversOpened() {
    SessionTimeline early = new SessionTimeline(OPENED, 100 * MS);
    early.positionOf(150 * MS, 8000);

    early.observe(160 * MS, -840 * MS); // claims the source started 840 ms before this read

    assertThat(early.origin()).isEqualTo(OPENED);
  }
}
