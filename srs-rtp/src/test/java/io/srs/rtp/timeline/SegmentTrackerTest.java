package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The segment's timestamp line: extension, what breaks it, and its first placement. */
class SegmentTrackerTest {
  private final SegmentTracker segment =
      new SegmentTracker(new SessionTimeline(Instant.EPOCH, 0), 8000);

  /** Opens a G.711 segment (8 kHz, one sample a tick) at {@code timestamp}, arriving at 0. */
  private void beginAt(long timestamp) {
    segment.close();
    segment.begin(100, timestamp, 1, 8000, 0, 0);
  }

  @Test
  void aClosedSegmentTakesTheTimestampAsItIs() {
    segment.close();

    assertThat(segment.anchored()).isFalse();
    assertThat(segment.extend(0xFFFF_FFF0L)).isEqualTo(0xFFFF_FFF0L);
  }

  @Test
  void timestampsExtendAcrossTheThirtyTwoBitWrap() {
    beginAt(0xFFFF_FF00L);

    assertThat(segment.extend(0x60)).isEqualTo(0x1_0000_0060L);
    assertThat(segment.extend(0xFFFF_FE00L)).isEqualTo(0xFFFF_FE00L); // a little behind
  }

  @Test
  void aLeapForwardBeyondTenSecondsBreaksTheLine() {
    beginAt(5000);

    assertThat(segment.breaks(5000 + 10 * 8000, 8000)).isFalse();
    assertThat(segment.breaks(5000 + 10 * 8000 + 1, 8000)).isTrue();
  }

  @Test
  void aStepBackwardsBreaksTheLine() {
    beginAt(5000);
    segment.advance(101, 5160);

    assertThat(segment.breaks(5160, 8000)).isFalse();
    assertThat(segment.breaks(5159, 8000)).isTrue();
  }

  @Test
  void anotherClockRateBreaksTheLine() {
    beginAt(5000);

    assertThat(segment.breaks(5160, 16_000)).isTrue();
  }

  @Test
  void onlyPacketsNewerThanTheSegmentsAudioAdvanceIt() {
    beginAt(5000);
    segment.advance(105, 5800);

    assertThat(segment.isNewest(105)).isFalse();
    assertThat(segment.isNewest(106)).isTrue();
    assertThat(segment.highestTimestamp()).isEqualTo(5800);
  }

  @Test
  void aSegmentsFirstPacketNeverLandsBehindTheWrittenTrack() {
    beginAt(5000);
    segment.anchor().settle();

    assertThat(segment.place(segment.anchor().positionOf(5000), 400)).isEqualTo(400);
    // The anchor moved with it: later packets follow on.
    assertThat(segment.anchor().positionOf(5160)).isEqualTo(560);
    assertThat(segment.place(100, 560)).isEqualTo(100); // only the first is moved
  }

  @Test
  void aSegmentsFirstPacketAheadOfTheTrackStaysWhereItIs() {
    beginAt(5000);
    segment.anchor().settle();

    assertThat(segment.place(800, 400)).isEqualTo(800);
    assertThat(segment.anchor().positionOf(5000)).isZero();
  }
}
