package io.srs.rtp.timeline;

/**
 * Follows RFC 4733 telephone-events on one stream and reports each event once, when it ends.
 *
 * <pre>
 * RFC 4733 §2.3:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * An event is known by its RTP timestamp (its start, §2.3.5), carried unchanged by every update;
 * its duration grows with each update (§2.5.1.2). The end packet is sent three times (§2.5.1.4):
 * the copies after the first carry the same timestamp and are ignored here. An event whose end
 * packets were all lost ends when the next event starts, or at a flush.
 *
 * <p>It also remembers the spans of recent events, in extended RTP timestamps, so the placer can
 * silence audio under them (PCI masking). While an event is open its span has no end yet: audio
 * from its start on is masked until the end is known, so masking errs toward silence. Confined to
 * the session's event loop; allocates nothing.
 */
final class DtmfTracker {
  /** The fixed part of one event (§2.3); a shorter payload is not an event. */
  static final int EVENT_BYTES = 4;

  /** Byte 1: the end bit (§2.3.2). */
  static final int B1_END = 0b1000_0000;

  /** Byte 1: the volume in -dBm0, six least significant bits (§2.3.4). */
  static final int B1_VOLUME_MASK = 0b0011_1111;

  /** Spans of recent events kept for masking audio still held in the reorder window. */
  static final int MAX_MASK_SPANS = 8;

  /** An open span: the event has not ended yet. */
  static final long OPEN = Long.MAX_VALUE;

  /** Told once per event, when it ends. */
  interface Listener {
    /**
     * @param startTimestamp the extended RTP timestamp of the event's start
     * @param durationTicks its duration in RTP timestamp units
     * @param firstArrivalNanos when its first packet arrived
     * @param firstDurationTicks the duration that first packet carried
     */
    void dtmfEvent(
        int event,
        long startTimestamp,
        long durationTicks,
        long firstArrivalNanos,
        long firstDurationTicks);
  }

  private final Listener listener;
  private final long[] spanStarts = new long[MAX_MASK_SPANS];
  private final long[] spanEnds = new long[MAX_MASK_SPANS];
  private int spanHead;
  private int spanCount;

  private boolean open;
  private int event;
  private long startTimestamp;
  private long durationTicks;
  private long firstArrivalNanos;
  private long firstDurationTicks;
  private int volume;
  private boolean finishedAny;
  private long lastFinishedStart;

  DtmfTracker(Listener listener) {
    this.listener = listener;
  }

  /**
   * Takes one telephone-event payload (its first {@value #EVENT_BYTES} bytes in {@code payload}).
   *
   * @param timestamp the packet's extended RTP timestamp: the event's start
   */
  void onPacket(long timestamp, byte[] payload, long arrivalNanos) {
    int code = payload[0] & 0xFF;
    boolean end = (payload[1] & B1_END) != 0;
    int level = payload[1] & B1_VOLUME_MASK;
    long duration = (payload[2] & 0xFF) << 8 | (payload[3] & 0xFF);
    if (open && timestamp == startTimestamp) {
      durationTicks = Math.max(durationTicks, duration);
      if (end) {
        finish();
      }
      return;
    }
    if (finishedAny && timestamp <= lastFinishedStart) {
      return; // §2.5.1.4: a retransmitted end packet, or a straggler of an older event
    }
    if (open) {
      finish(); // a new event started: the previous one's end packets were all lost
    }
    open = true;
    event = code;
    volume = level;
    startTimestamp = timestamp;
    durationTicks = duration;
    firstArrivalNanos = arrivalNanos;
    firstDurationTicks = duration;
    int slot = (spanHead + spanCount) % MAX_MASK_SPANS;
    if (spanCount == MAX_MASK_SPANS) {
      spanHead = (spanHead + 1) % MAX_MASK_SPANS; // the oldest span's audio has left the window
    } else {
      spanCount++;
    }
    spanStarts[slot] = timestamp;
    spanEnds[slot] = OPEN;
    if (end) {
      finish();
    }
  }

  /** Ends an open event with the duration seen so far (a flush, a pause, a new segment). */
  void finishOpen() {
    if (open) {
      finish();
    }
  }

  /** Ends any open event and forgets the spans: their timestamps belong to an ended segment. */
  void clearSpans() {
    finishOpen();
    spanHead = 0;
    spanCount = 0;
    finishedAny = false;
  }

  int spanCount() {
    return spanCount;
  }

  /** The i-th remembered span's start, oldest first. */
  long spanStart(int i) {
    return spanStarts[(spanHead + i) % MAX_MASK_SPANS];
  }

  /** The i-th remembered span's end (exclusive), or {@link #OPEN}. */
  long spanEnd(int i) {
    return spanEnds[(spanHead + i) % MAX_MASK_SPANS];
  }

  /** The last event's volume in -dBm0 (§2.3.4); parsed for completeness, not recorded. */
  int volume() {
    return volume;
  }

  private void finish() {
    open = false;
    finishedAny = true;
    lastFinishedStart = startTimestamp;
    spanEnds[(spanHead + spanCount - 1) % MAX_MASK_SPANS] = startTimestamp + durationTicks;
    listener.dtmfEvent(event, startTimestamp, durationTicks, firstArrivalNanos, firstDurationTicks);
  }
}
