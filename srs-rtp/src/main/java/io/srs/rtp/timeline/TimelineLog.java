package io.srs.rtp.timeline;

import io.srs.core.port.GapCause;
import io.srs.core.port.StreamTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one track's timeline records for the proof of completeness: every silence written with its
 * cause, SSRC changes and DTMF events. Bounded, so a pathological stream (every other packet lost
 * for hours) cannot exhaust memory: past the caps entries are only counted.
 *
 * <p>Gaps are rare events (a loss burst, a DTX spell), not per packet: they go into primitive
 * arrays that grow by doubling (amortised, no object per gap); adjacent gaps of one cause merge.
 * Records are built only at {@link #toStreamTimeline}, off the packet path.
 */
final class TimelineLog {
  /** Gaps kept per stream; beyond this they are counted in {@link #gapsOmitted()}. */
  static final int MAX_GAPS = 10_000;

  /** SSRC changes kept per stream. */
  static final int MAX_SSRC_CHANGES = 1_000;

  /** DTMF events kept per stream. */
  static final int MAX_DTMF_EVENTS = 10_000;

  private static final int INITIAL_GAPS = 16;
  private static final GapCause[] CAUSES = GapCause.values();

  private long[] offsets = new long[INITIAL_GAPS];
  private long[] lengths = new long[INITIAL_GAPS];
  private byte[] causes = new byte[INITIAL_GAPS];
  private int gaps;
  private long gapsOmitted;
  private final List<StreamTimeline.SsrcChange> ssrcChanges = new ArrayList<>();
  private final List<StreamTimeline.DtmfEvent> dtmf = new ArrayList<>();
  private final List<StreamTimeline.SourceChange> sourceChanges = new ArrayList<>();
  private long dtmfOmitted;

  /** Records {@code length} samples of silence from {@code offset}; merges with the last gap. */
  void gap(long offset, long length, GapCause cause) {
    if (length < 0) {
      throw new IllegalArgumentException("negative gap: " + length + " samples at " + offset);
    }
    if (gaps > 0) {
      int last = gaps - 1;
      if (causes[last] == cause.ordinal() && offsets[last] + lengths[last] == offset) {
        lengths[last] += length;
        return;
      }
    }
    if (gaps == MAX_GAPS) {
      gapsOmitted++;
      return;
    }
    if (gaps == offsets.length) {
      int grown = Math.min(MAX_GAPS, 2 * gaps);
      offsets = Arrays.copyOf(offsets, grown);
      lengths = Arrays.copyOf(lengths, grown);
      causes = Arrays.copyOf(causes, grown);
    }
    offsets[gaps] = offset;
    lengths[gaps] = length;
    causes[gaps] = (byte) cause.ordinal();
    gaps++;
  }

  void ssrcChange(long offset, long previousSsrc, long ssrc, Instant at) {
    if (ssrcChanges.size() < MAX_SSRC_CHANGES) {
      ssrcChanges.add(new StreamTimeline.SsrcChange(offset, previousSsrc, ssrc, at));
    }
  }

  void sourceChange(long offset, String previousSource, String source, Instant at) {
    if (sourceChanges.size() < MAX_SSRC_CHANGES) { // the same bound: a change per take-over
      sourceChanges.add(new StreamTimeline.SourceChange(offset, previousSource, source, at));
    }
  }

  void dtmf(int event, long offset, long length, boolean masked) {
    if (dtmf.size() < MAX_DTMF_EVENTS) {
      dtmf.add(new StreamTimeline.DtmfEvent(event, offset, length, masked));
    } else {
      dtmfOmitted++;
    }
  }

  /** Gaps past {@link #MAX_GAPS}: written as silence and counted, but not listed. */
  long gapsOmitted() {
    return gapsOmitted;
  }

  long dtmfOmitted() {
    return dtmfOmitted;
  }

  StreamTimeline toStreamTimeline(int streamIndex, int sampleRate) {
    List<StreamTimeline.Gap> list = new ArrayList<>(gaps);
    for (int i = 0; i < gaps; i++) {
      list.add(new StreamTimeline.Gap(offsets[i], lengths[i], CAUSES[causes[i]]));
    }
    return new StreamTimeline(streamIndex, sampleRate, list, ssrcChanges, dtmf, sourceChanges);
  }
}
