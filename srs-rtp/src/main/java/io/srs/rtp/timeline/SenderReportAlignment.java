package io.srs.rtp.timeline;

/**
 * Keeps one stream in step with the others by RTCP sender reports (RFC 3550 §6.4.1: an NTP
 * wall-clock instant and the RTP timestamp of the same instant).
 *
 * <p>The rule: the first stream of the session with a settled anchor and a sender report maps the
 * senders' NTP clock onto the session timeline ({@link SessionTimeline#setSenderReference}); every
 * other stream's report then says where its RTP timestamp belongs: reference position + (its NTP
 * time − the reference's NTP time). When that differs from where the stream's anchor puts the
 * timestamp by more than {@link #TOLERANCE_NANOS}, the difference becomes a pending correction of
 * the anchor. A difference beyond {@link #MAX_CORRECTION_NANOS} means the reports do not share one
 * NTP clock (different hosts, a clock step) and is ignored. One SRC forks both legs of a call, so
 * its reports normally share a clock.
 *
 * <p>A correction reaches the track without touching received audio ({@link #applyPending}): a
 * later position at once, by silence (REANCHOR) before the next packet; an earlier one by
 * shortening the silence before the next packet as far as it allows, the rest staying pending.
 * Confined to the session's event loop; allocates nothing.
 */
final class SenderReportAlignment {
  /** A misalignment below this is jitter, not worth a correction. */
  static final long TOLERANCE_NANOS = 10_000_000L;

  /** A misalignment beyond this means the NTP clocks are not one clock: ignored. */
  static final long MAX_CORRECTION_NANOS = 2_000_000_000L;

  /** {@link #correction} has nothing to say: no report for the source, or nothing to align yet. */
  static final long NONE = Long.MIN_VALUE;

  private final int streamIndex;
  private final int sampleRate;
  private final SessionTimeline timeline;
  private boolean known;
  private long ssrc;
  private long ntpNanos;
  private long rtpTimestamp;

  // The correction, in samples, not yet applied to the anchor.
  private long pending;

  SenderReportAlignment(int streamIndex, int sampleRate, SessionTimeline timeline) {
    this.streamIndex = streamIndex;
    this.sampleRate = sampleRate;
    this.timeline = timeline;
  }

  /** The latest report of {@code reportSsrc}. */
  void report(long reportSsrc, long reportNtpNanos, long reportRtpTimestamp) {
    known = true;
    ssrc = reportSsrc;
    ntpNanos = reportNtpNanos;
    rtpTimestamp = reportRtpTimestamp;
  }

  /** The source's timestamps jumped: its last report no longer maps them. */
  void forget() {
    known = false;
  }

  /**
   * Asks the report of the current source where the segment belongs; a correction it asks for
   * replaces the one pending.
   *
   * @param sourceSsrc the stream's current source
   * @param highestTimestamp its highest extended timestamp
   * @param anchor its settled anchor
   */
  void realign(long sourceSsrc, long highestTimestamp, SegmentAnchor anchor) {
    long shift = correction(sourceSsrc, highestTimestamp, anchor);
    if (shift != NONE) {
      pending = shift;
    }
  }

  /** The segment ended: a correction of its anchor no longer applies. */
  void dropPending() {
    pending = 0;
  }

  /**
   * Shifts the anchor by the pending correction as far as the silence before the next packet
   * allows: a later position in full; an earlier one by at most the silence between the end of the
   * track ({@code written}) and the packet's {@code position}.
   *
   * @return the shift applied, in samples: the packet's position moves by as much
   */
  long applyPending(long position, long written, SegmentAnchor anchor) {
    if (pending == 0) {
      return 0;
    }
    long shift = pending > 0 ? pending : Math.max(pending, -Math.max(0, position - written));
    anchor.shift(shift);
    pending -= shift;
    return shift;
  }

  /**
   * The shift in samples that puts the current source where its report says (0 when it is within
   * tolerance or the clocks are unrelated), or {@link #NONE}. The first stream to get here becomes
   * the session's reference and is never shifted.
   *
   * @param sourceSsrc the stream's current source
   * @param highestTimestamp its highest extended timestamp, to extend the report's 32-bit one
   * @param anchor its settled anchor
   */
  private long correction(long sourceSsrc, long highestTimestamp, SegmentAnchor anchor) {
    if (!known || ssrc != sourceSsrc) {
      return NONE;
    }
    long ts = highestTimestamp + (int) (rtpTimestamp - highestTimestamp);
    long current = anchor.positionOf(ts);
    long currentNanos = SessionTimeline.nanosOf(current, sampleRate);
    if (!timeline.hasSenderReference()) {
      timeline.setSenderReference(streamIndex, ntpNanos, currentNanos);
      return NONE;
    }
    if (timeline.senderReferenceStream() == streamIndex) {
      return NONE;
    }
    long wantedNanos = timeline.timelineNanosAt(ntpNanos);
    long error = Math.abs(wantedNanos - currentNanos);
    if (error <= TOLERANCE_NANOS || error > MAX_CORRECTION_NANOS) {
      return 0;
    }
    return SessionTimeline.samplesIn(wantedNanos, sampleRate) - current;
  }
}
