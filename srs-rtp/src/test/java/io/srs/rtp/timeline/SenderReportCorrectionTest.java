package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How {@link SenderReportAlignment}'s pending correction reaches the anchor, on its own (the
 * placer-level behaviour is in {@link SenderReportAlignmentTest}). Stream 0 is the reference: NTP0
 * is timeline 0. Stream 1's anchor puts its timestamp t at track position t (G.711, 8 kHz), so its
 * timestamp 1000 sits at 125 ms.
 */
class SenderReportCorrectionTest {
  private static final long NTP0 = 3_900_000_000L * 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long SSRC = 0xBBBBL;

  private final SessionTimeline timeline = new SessionTimeline(Instant.EPOCH, 0);
  private final SenderReportAlignment alignment = new SenderReportAlignment(1, 8000, timeline);
  private final SegmentAnchor anchor = new SegmentAnchor(timeline, 8000);

  SenderReportCorrectionTest() {
    timeline.setSenderReference(0, NTP0, 0);
    anchor.begin(0, 1, 0, 0);
    anchor.settle();
  }

  /** Stream 1 reports that its timestamp 1000 was sent at NTP0 + {@code ms}. */
  private void reportAt(long ms) {
    alignment.report(SSRC, NTP0 + ms * MS, 1000);
    alignment.realign(SSRC, 1000, anchor);
  }

  @Test
  void aLaterPositionIsAppliedInFullAtOnce() {
    reportAt(150); // belongs at 1200, sits at 1000

    assertThat(alignment.applyPending(1500, 1500, anchor)).isEqualTo(200);
    assertThat(anchor.positionOf(1000)).isEqualTo(1200);
    assertThat(alignment.applyPending(1700, 1700, anchor)).isZero();
  }

  @Test
  void anEarlierPositionTakesNoMoreThanTheSilenceBeforeThePacket() {
    reportAt(100); // belongs at 800, sits at 1000: 200 earlier

    assertThat(alignment.applyPending(1500, 1400, anchor)).isEqualTo(-100); // 100 of silence
    assertThat(alignment.applyPending(1500, 1500, anchor)).isZero(); // none: stays pending
    assertThat(alignment.applyPending(2000, 1700, anchor)).isEqualTo(-100); // the rest
    assertThat(anchor.positionOf(1000)).isEqualTo(800);
  }

  @Test
  void theEndOfTheSegmentDropsThePendingCorrection() {
    reportAt(150);

    alignment.dropPending();

    assertThat(alignment.applyPending(1500, 1500, anchor)).isZero();
  }

  @Test
  void aReportOfAnotherSourceAsksNothing() {
    alignment.report(0xDEADL, NTP0 + 150 * MS, 1000);
    alignment.realign(SSRC, 1000, anchor);

    assertThat(alignment.applyPending(1500, 1500, anchor)).isZero();
  }

  @Test
  void theReferenceStreamIsNeverCorrected() {
    SenderReportAlignment reference = new SenderReportAlignment(0, 8000, timeline);
    reference.report(SSRC, NTP0 + 150 * MS, 1000);
    reference.realign(SSRC, 1000, anchor);

    assertThat(reference.applyPending(1500, 1500, anchor)).isZero();
  }
}
