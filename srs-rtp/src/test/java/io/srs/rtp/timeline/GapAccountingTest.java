package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.port.GapCause;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.rtp.InMemoryTrackSink;
import org.junit.jupiter.api.Test;

/** Silence before a packet, split by cause in the order the class comment gives. */
class GapAccountingTest {
  private final TimelineLog log = new TimelineLog();
  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private final TrackOutput out = new TrackOutput(sink, log, 1);
  private final GapAccounting gaps = new GapAccounting(out);

  private void audio(int samples) {
    out.audio(new byte[samples], 0, samples);
    gaps.audioWritten(samples);
  }

  @Test
  void silenceBeforeTheTracksFirstAudioIsLeadIn() {
    gaps.segmentBegins();

    gaps.fill(800);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(0, 800, GapCause.LEAD_IN));
  }

  @Test
  void silenceWithoutLossIsDtx() {
    gaps.segmentBegins();
    audio(160);

    gaps.fill(480);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(160, 480, GapCause.DTX));
  }

  @Test
  void lostPacketsAreLossForTheirLengthAndTheRestDtx() {
    gaps.segmentBegins();
    audio(160);
    gaps.lost();
    gaps.lost();

    gaps.fill(800);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(160, 320, GapCause.LOSS), new Gap(480, 480, GapCause.DTX));
    assertThat(gaps.lossSinceAudio()).isTrue();
  }

  @Test
  void lossBeforeANewSegmentIsLossThenReanchor() {
    gaps.segmentBegins();
    audio(160);
    gaps.lost();
    gaps.segmentEnded();
    gaps.segmentBegins(); // keeps the cause the end gave

    gaps.fill(1000);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(160, 160, GapCause.LOSS), new Gap(320, 840, GapCause.REANCHOR));
  }

  @Test
  void lossBeforeAnyAudioLengthIsKnownIsAllLoss() {
    gaps.lost();

    gaps.fill(400);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(0, 400, GapCause.LOSS));
  }

  @Test
  void aSenderReportShiftIsReanchorAfterTheRest() {
    gaps.segmentBegins();
    audio(160);
    gaps.shifted(80);

    gaps.fill(240);

    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(160, 160, GapCause.DTX), new Gap(320, 80, GapCause.REANCHOR));
  }

  @Test
  void writtenAudioStartsTheNextSilenceAfresh() {
    gaps.segmentBegins();
    audio(160);
    gaps.lost();
    gaps.shifted(80);
    audio(160);

    gaps.fill(160);

    assertThat(gaps.lossSinceAudio()).isFalse();
    assertThat(log.toStreamTimeline(0, 8000).gaps())
        .containsExactly(new Gap(320, 160, GapCause.DTX));
    assertThat(sink.samplesWritten()).isEqualTo(480);
  }
}
