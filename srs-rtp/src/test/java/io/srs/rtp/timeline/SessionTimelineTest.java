package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTimelineTest {
  private static final Instant OPENED = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void firstArrivalFixesTheOrigin() {
    SessionTimeline timeline = new SessionTimeline(OPENED, 1_000);

    assertThat(timeline.positionOf(5_000_000_000L, 8000)).isZero();
    assertThat(timeline.positionOf(5_100_000_000L, 8000)).isEqualTo(800);
    assertThat(timeline.origin()).isEqualTo(OPENED.plusNanos(5_000_000_000L - 1_000));
  }

  @Test
  void originIsTheOpenTimeWhileNoPacketCame() {
    SessionTimeline timeline = new SessionTimeline(OPENED, 42);

    assertThat(timeline.started()).isFalse();
    assertThat(timeline.origin()).isEqualTo(OPENED);
  }

  @Test
  void positionsRoundToTheNearestSample() {
    assertThat(SessionTimeline.samplesIn(62_499, 8000)).isZero(); // 0.49999 samples
    assertThat(SessionTimeline.samplesIn(62_500, 8000)).isEqualTo(1); // 0.5 samples
    assertThat(SessionTimeline.samplesIn(86_400_000_000_000L, 48_000)).isEqualTo(4_147_200_000L);
    assertThat(SessionTimeline.nanosOf(8000, 8000)).isEqualTo(1_000_000_000L);
    assertThat(SessionTimeline.nanosOf(1, 8000)).isEqualTo(125_000);
  }
}
