package io.srs.rtp.timeline;

/**
 * Records each ended RFC 4733 telephone-event in the {@link TimelineLog} at its place on the track:
 * where the segment's anchor puts its start timestamp or, before the segment has an anchor, where
 * its first packet arrived less the duration that packet already carried (§2.5.1.2: the first
 * packet may come late in the event). With masking the event is recorded with code -1, so the
 * sidecar shows that and where a key was pressed, never which. Confined to the session's event
 * loop.
 */
final class DtmfEventLog implements DtmfTracker.Listener {
  private final SegmentTracker segment;
  private final TrackFormats formats;
  private final TrackPause pauses;
  private final TimelineLog log;
  private final boolean masking;

  DtmfEventLog(
      SegmentTracker segment,
      TrackFormats formats,
      TrackPause pauses,
      TimelineLog log,
      boolean masking) {
    this.segment = segment;
    this.formats = formats;
    this.pauses = pauses;
    this.log = log;
    this.masking = masking;
  }

  @Override
  public void dtmfEvent(
      int event,
      long startTimestamp,
      long durationTicks,
      long firstArrivalNanos,
      long firstDurationTicks) {
    boolean anchored = segment.anchored();
    SegmentAnchor anchor = segment.anchor();
    int perTick = anchored ? anchor.samplesPerTick() : formats.samplesPerTick(0);
    long offset =
        anchored
            ? anchor.positionOf(startTimestamp)
            : pauses.arrivalPosition(firstArrivalNanos) - firstDurationTicks * perTick;
    log.dtmf(masking ? -1 : event, Math.max(0, offset), durationTicks * perTick, masking);
  }
}
