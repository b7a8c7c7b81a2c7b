package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.port.StreamTimeline.SsrcChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stream's SSRCs: first, current, the one before a change, and each change logged once. */
class SourceTrackerTest {
  private static final long MS = 1_000_000L;
  private static final Instant OPENED = Instant.parse("2025-01-01T00:00:00Z");

  private final SourceTracker sources = new SourceTracker();
  private final SessionTimeline timeline = new SessionTimeline(OPENED, 0);
  private final TimelineLog log = new TimelineLog();

  @Test
  void beforeTheFirstPacketNoSourceIsCurrentOrPrevious() {
    assertThat(sources.isCurrent(0)).isFalse();
    assertThat(sources.isPrevious(-1)).isFalse();
    assertThat(sources.first()).isEqualTo(-1);
  }

  @Test
  void theFirstSourceIsNotAChange() {
    sources.begin(0xAAAAL, 5 * MS);
    sources.logChange(0, log, timeline);

    assertThat(sources.isCurrent(0xAAAAL)).isTrue();
    assertThat(sources.first()).isEqualTo(0xAAAAL);
    assertThat(sources.firstArrivalNanos()).isEqualTo(5 * MS);
    assertThat(sources.changes()).isZero();
    assertThat(log.toStreamTimeline(0, 8000).ssrcChanges()).isEmpty();
  }

  @Test
  void aChangeKeepsThePreviousSourceToTellItsStragglers() {
    sources.begin(0xAAAAL, 0);
    sources.begin(0xBBBBL, 100 * MS);

    assertThat(sources.isCurrent(0xBBBBL)).isTrue();
    assertThat(sources.isPrevious(0xAAAAL)).isTrue();
    assertThat(sources.current()).isEqualTo(0xBBBBL);
    assertThat(sources.first()).isEqualTo(0xAAAAL);
    assertThat(sources.changes()).isEqualTo(1);
  }

  @Test
  void aChangeIsLoggedOnceWhereTheNewSourcesFirstSampleLands() {
    sources.begin(0xAAAAL, 0);
    sources.begin(0xBBBBL, 100 * MS);

    sources.logChange(800, log, timeline);
    sources.logChange(960, log, timeline);

    assertThat(log.toStreamTimeline(0, 8000).ssrcChanges())
        .containsExactly(new SsrcChange(800, 0xAAAAL, 0xBBBBL, OPENED.plusMillis(100)));
  }
}
