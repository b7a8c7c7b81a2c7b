package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import io.srs.rtp.timeline.PacketScript.Track;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A stream paused at 200 ms (after packets 0..9) and resumed at 1 s; the SRC keeps one stray packet
 * coming during the pause, and resumes with the timestamps that kept running and a new sequence
 * number.
 */
class PauseTest {
  private static final long SSRC = 0x1234_5678L;
  private static final int PCMU = 0;

  private final SessionTimeline timeline =
      new SessionTimeline(Instant.parse("2025-01-01T00:00:00Z"), 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();

  private TrackPlacer placer(PauseMode mode) {
    return new TrackPlacer(
        0, TrackFormats.g711(Codec.PCMU, PCMU), sink, timeline, 8, 1472, false, mode);
  }

  private static void script(TrackPlacer placer, GapCause cause) {
    for (int n = 0; n < 10; n++) {
      receive(placer, 1000 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
    }
    placer.pause(cause, 200 * MS);
    receive(placer, 1010, 5000 + SAMPLES * 10, SSRC, PCMU, payload(10), 200 * MS); // a straggler
    placer.resume(1000 * MS);
    for (int n = 50; n < 60; n++) {
      receive(placer, 7000 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
    }
    placer.flush();
  }

  @Test
  void silenceModeWritesThePausedSpanAsAPauseGap() {
    TrackPlacer placer = placer(PauseMode.SILENCE);

    script(placer, GapCause.PAUSE);

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).silence(8000 - 1600).packets(50, 59).bytes());
    assertThat(placer.timeline().gaps()).containsExactly(new Gap(1600, 6400, GapCause.PAUSE));
  }

  @Test
  void pauseExpectsNothingAndDiscardsWhatStillArrives() {
    TrackPlacer placer = placer(PauseMode.SILENCE);

    script(placer, GapCause.HOLD);

    StreamStats stats = placer.stats();
    assertThat(stats.packetsExpected()).isEqualTo(20);
    assertThat(stats.packetsReceived()).isEqualTo(20);
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.packetsDiscarded()).isEqualTo(1);
    assertThat(placer.timeline().gaps()).extracting(Gap::cause).containsExactly(GapCause.HOLD);
  }

  @Test
  void cutModeLeavesThePausedSpanOutAndMarksTheCut() {
    TrackPlacer placer = placer(PauseMode.CUT);

    script(placer, GapCause.PAUSE);
    placer.padTo(8000 + 10 * SAMPLES); // the session's end: the other tracks' length

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).packets(50, 59).silence(8000 - 1600).bytes());
    assertThat(placer.timeline().gaps())
        .containsExactly(new Gap(1600, 0, GapCause.PAUSE), new Gap(3200, 6400, GapCause.TAIL));
  }

  @Test
  void silenceBetweenResumeAndTheFirstPacketIsAReanchorGap() {
    TrackPlacer placer = placer(PauseMode.SILENCE);
    for (int n = 0; n < 10; n++) {
      receive(placer, 1000 + n, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
    }
    placer.pause(GapCause.PAUSE, 200 * MS);
    placer.resume(1000 * MS);
    // Media comes back 100 ms after the resume, with an unrelated timestamp.
    receive(placer, 3, 77, SSRC, PCMU, payload(60), 1100 * MS);
    placer.flush();

    assertThat(placer.timeline().gaps())
        .containsExactly(
            new Gap(1600, 6400, GapCause.PAUSE), new Gap(8000, 800, GapCause.REANCHOR));
  }

  @Test
  void streamPausedAtTheEndIsPaddedWithPauseSilence() {
    TrackPlacer placer = placer(PauseMode.SILENCE);
    receive(placer, 1, 0, SSRC, PCMU, payload(0), 0);
    placer.pause(GapCause.HOLD, 20 * MS);
    placer.padTo(800);

    assertThat(placer.timeline().gaps()).containsExactly(new Gap(160, 640, GapCause.HOLD));
  }
}
