package io.srs.rtp.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.port.GapCause;
import io.srs.rtp.InMemoryTrackSink;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * PCI masking of one 160-sample G.711 packet; the segment's anchor puts timestamp t at track
 * position t.
 */
class DtmfMaskTest {
  private static final byte SILENCE = (byte) 0xFF;

  private final InMemoryTrackSink sink = InMemoryTrackSink.mulaw();
  private final TrackOutput out = new TrackOutput(sink, new TimelineLog(), 1);
  private final DtmfTracker events = new DtmfTracker((e, start, length, first, firstLength) -> {});
  private final SegmentAnchor anchor =
      new SegmentAnchor(new SessionTimeline(Instant.EPOCH, 0), 8000);
  private final DtmfMask mask = new DtmfMask(events, anchor, out);
  private final byte[] decoded = new byte[160];

  DtmfMaskTest() {
    anchor.begin(0, 1, 0, 0);
    anchor.settle();
    for (int i = 0; i < decoded.length; i++) {
      decoded[i] = (byte) (i + 1); // never 0xFF
    }
  }

  /** RFC 4733 §2.3: key 5 at {@code start} lasting {@code duration} ticks. */
  private void event(long start, int duration, boolean end) {
    byte[] payload = {5, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
    events.onPacket(start, payload, 0);
  }

  /** The expected track: decoded samples [from, to), then silence, alternately. */
  private byte[] expected(int... bounds) {
    ByteArrayOutputStream track = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < bounds.length; i++) {
      for (int s = bounds[i]; s < bounds[i + 1]; s++) {
        track.write(i % 2 == 0 ? decoded[s] : SILENCE);
      }
    }
    return track.toByteArray();
  }

  @Test
  void withoutEventsEverySampleIsWritten() {
    mask.write(decoded, 0, 160);

    assertThat(sink.bytes()).isEqualTo(decoded);
    assertThat(out.masked()).isZero();
  }

  @Test
  void samplesUnderAnEndedEventBecomeSilence() {
    event(80, 40, true);

    mask.write(decoded, 0, 160);

    assertThat(sink.bytes()).isEqualTo(expected(0, 80, 120, 160));
    assertThat(out.masked()).isEqualTo(40);
    assertThat(out.written()).isEqualTo(160);
  }

  @Test
  void anOpenEventMasksToThePacketsEnd() {
    event(100, 20, false);

    mask.write(decoded, 0, 160);

    assertThat(sink.bytes()).isEqualTo(expected(0, 100, 160));
    assertThat(out.masked()).isEqualTo(60);
  }

  @Test
  void aPacketsTailAfterAnOverlapIsMaskedWhereItLands() {
    out.audio(decoded, 0, 80); // the first half is on the track already
    event(120, 20, true);

    mask.write(decoded, 80, 160);

    assertThat(sink.bytes()).isEqualTo(expected(0, 120, 140, 160));
    assertThat(out.masked()).isEqualTo(20);
  }

  @Test
  void anEventEndingBeforeThePacketMasksNothing() {
    out.gap(200, GapCause.DTX); // the packet lands at 200
    event(10, 20, true);

    mask.write(decoded, 0, 160);

    assertThat(out.masked()).isZero();
    assertThat(out.audio()).isEqualTo(160);
  }
}
