package io.srs.rtp.timeline;

import static io.srs.rtp.timeline.PacketScript.MS;
import static io.srs.rtp.timeline.PacketScript.SAMPLES;
import static io.srs.rtp.timeline.PacketScript.payload;
import static io.srs.rtp.timeline.PacketScript.receive;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline.DtmfEvent;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import io.srs.rtp.codec.PayloadDecoders;
import io.srs.rtp.timeline.PacketScript.Track;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 telephone-events: one timeline event per key press, optionally masked. */
class DtmfTest {
  private static final long SSRC = 0x1234_5678L;
  private static final int PCMU = 0;
  private static final int EVENTS = 101;
  private static final long EVENT_TS = 5000 + 10 * SAMPLES; // starts where packet 10 would

  private final SessionTimeline timeline =
      new SessionTimeline(Instant.parse("2025-01-01T00:00:00Z"), 0);
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private int seq = 1000;

  private TrackPlacer placer(boolean masking) {
    var pcmu = TrackFormats.g711(Codec.PCMU, PCMU).formats().get(0);
    TrackFormats formats =
        new TrackFormats(
            List.of(pcmu),
            List.of(PayloadDecoders.create(pcmu, AudioEncoding.MULAW)),
            EVENTS,
            -1,
            AudioEncoding.MULAW,
            8000);
    return new TrackPlacer(0, formats, sink, timeline, 8, 1472, masking, PauseMode.SILENCE);
  }

  /** RFC 4733 §2.3: event, E bit and volume 10, 16-bit duration. */
  private static byte[] event(int code, boolean end, int duration) {
    return new byte[] {
      (byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration
    };
  }

  private void audio(TrackPlacer placer, int n) {
    receive(placer, seq++, 5000 + SAMPLES * n, SSRC, PCMU, payload(n), 20 * MS * n);
  }

  private void event(TrackPlacer placer, int code, boolean end, int duration, long arrivalMs) {
    receive(placer, seq++, EVENT_TS, SSRC, EVENTS, event(code, end, duration), arrivalMs * MS);
  }

  /** Key 5 pressed for 80 ms in place of audio: updates, an end packet sent three times. */
  private void keyInPlaceOfAudio(TrackPlacer placer) {
    for (int n = 0; n < 10; n++) {
      audio(placer, n);
    }
    event(placer, 5, false, 160, 200);
    event(placer, 5, false, 320, 220);
    event(placer, 5, false, 480, 240);
    event(placer, 5, true, 640, 260);
    event(placer, 5, true, 640, 280); // §2.5.1.4 retransmissions of the end packet
    event(placer, 5, true, 640, 300);
    for (int n = 14; n < 24; n++) {
      audio(placer, n);
    }
    placer.flush();
  }

  @Test
  void keyPressIsOneEventDespiteRetransmittedEndPackets() {
    TrackPlacer placer = placer(false);

    keyInPlaceOfAudio(placer);

    assertThat(placer.timeline().dtmf()).containsExactly(new DtmfEvent(5, 1600, 640, false));
    assertThat(placer.timeline().dtmf().get(0).digit()).isEqualTo('5');
    assertThat(placer.timeline().gaps()).containsExactly(new Gap(1600, 640, GapCause.DTX));
    StreamStats stats = placer.stats();
    assertThat(stats.packetsExpected()).isEqualTo(26);
    assertThat(stats.packetsReceived()).isEqualTo(26);
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.packetsDiscarded()).isZero();
  }

  @Test
  void eventsDoNotDisturbAudioPlacement() {
    TrackPlacer placer = placer(false);

    keyInPlaceOfAudio(placer);

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).silence(640).packets(14, 23).bytes());
  }

  /** Audio keeps coming during the key press (inband and RFC 4733 together). */
  private void keyOverAudio(TrackPlacer placer) {
    for (int n = 0; n < 20; n++) {
      audio(placer, n);
      if (n >= 10 && n <= 13) {
        event(placer, 9, n == 13, 160 * (n - 9), 20 * n);
      }
      if (n == 13) {
        event(placer, 9, true, 640, 20 * n);
        event(placer, 9, true, 640, 20 * n);
      }
    }
    placer.flush();
  }

  @Test
  void maskingSilencesTheAudioUnderTheEventAndKeepsNoDigit() {
    TrackPlacer placer = placer(true);

    keyOverAudio(placer);

    assertThat(sink.bytes())
        .isEqualTo(new Track().packets(0, 9).silence(640).packets(14, 19).bytes());
    assertThat(placer.timeline().dtmf()).containsExactly(new DtmfEvent(-1, 1600, 640, true));
    assertThat(placer.maskedSamples()).isEqualTo(640);
    assertThat(placer.timeline().gaps()).isEmpty();
    assertThat(placer.stats().silenceSamples()).isZero();
  }

  @Test
  void withoutMaskingTheAudioUnderTheEventIsKept() {
    TrackPlacer placer = placer(false);

    keyOverAudio(placer);

    assertThat(sink.bytes()).isEqualTo(new Track().packets(0, 19).bytes());
    assertThat(placer.timeline().dtmf()).containsExactly(new DtmfEvent(9, 1600, 640, false));
  }

  @Test
  void eventWhoseEndPacketsWereLostEndsWhenTheNextOneStarts() {
    TrackPlacer placer = placer(false);
    for (int n = 0; n < 10; n++) {
      audio(placer, n);
    }
    event(placer, 1, false, 160, 200);
    event(placer, 1, false, 320, 220);
    receive(placer, seq++, EVENT_TS + 800, SSRC, EVENTS, event(2, true, 400), 320 * MS);
    placer.flush();

    assertThat(placer.timeline().dtmf())
        .containsExactly(new DtmfEvent(1, 1600, 320, false), new DtmfEvent(2, 2400, 400, false));
  }
}
