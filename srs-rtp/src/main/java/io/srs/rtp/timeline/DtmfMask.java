package io.srs.rtp.timeline;

/**
 * PCI masking: writes a packet's decoded audio to the {@link TrackOutput} with the samples under an
 * RFC 4733 event (the spans {@link DtmfTracker} remembers, placed by the segment's {@link
 * SegmentAnchor}) written as silence instead, so the keys pressed cannot be heard back. An event
 * still open masks to the packet's end. Confined to the session's event loop; allocates nothing.
 */
final class DtmfMask {
  private final DtmfTracker events;
  private final SegmentAnchor anchor;
  private final TrackOutput out;

  DtmfMask(DtmfTracker events, SegmentAnchor anchor, TrackOutput out) {
    this.events = events;
    this.anchor = anchor;
    this.out = out;
  }

  /**
   * Appends decoded samples [from, to) at the track's end, masking what lies under an event.
   * Decoded sample {@code from} lands at the track's current end.
   */
  void write(byte[] decoded, int from, int to) {
    int cursor = from;
    long origin = out.written() - from; // the position of decoded sample 0
    for (int i = 0; i < events.spanCount() && cursor < to; i++) {
      long spanEnd = events.spanEnd(i);
      long maskFrom = anchor.positionOf(events.spanStart(i)) - origin;
      long maskTo = spanEnd == DtmfTracker.OPEN ? to : anchor.positionOf(spanEnd) - origin;
      int s = (int) Math.max(cursor, Math.min(to, maskFrom));
      int e = (int) Math.max(cursor, Math.min(to, maskTo));
      if (s < e) {
        out.audio(decoded, cursor, s);
        out.masked(e - s);
        cursor = e;
      }
    }
    out.audio(decoded, cursor, to);
  }
}
