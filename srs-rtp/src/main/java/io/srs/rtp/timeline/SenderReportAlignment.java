package io.srs.rtp.timeline;

/**
 * Keeps one stream in step with the others by RTCP sender reports (RFC 3550 §6.4.1: an NTP
 * wall-clock instant and the RTP timestamp of the same instant).
 *
 * <p>The rule: the first stream of the session with a settled anchor and a sender report maps the
 * senders' NTP clock onto the session timeline ({@link SessionTimeline#setSenderReference}); every
 * other stream's report then says where its RTP timestamp belongs: reference position + (its NTP
 * time − the reference's NTP time). When that differs from where the stream's anchor puts the
 * timestamp by more than {@link #TOLERANCE_NANOS}, the placer shifts the anchor by the difference
 * (see {@link TrackPlacer} for how a shift reaches the track without touching received audio). A
 * difference beyond {@link #MAX_CORRECTION_NANOS} means the reports do not share one NTP clock
 * (different hosts, a clock step) and is ignored. One SRC forks both legs of a call, so its reports
 * normally share a clock. Confined to the session's event loop.
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
   * The shift in samples that puts the current source where its report says (0 when it is within
   * tolerance or the clocks are unrelated), or {@link #NONE}. The first stream to get here becomes
   * the session's reference and is never shifted.
   *
   * @param sourceSsrc the stream's current source
   * @param highestTimestamp its highest extended timestamp, to extend the report's 32-bit one
   * @param anchor its settled anchor
   */
  long correction(long sourceSsrc, long highestTimestamp, SegmentAnchor anchor) {
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
