package io.srs.rtp.timeline;

import io.srs.core.media.Codec;
import io.srs.core.port.GapCause;
import io.srs.core.port.MediaSessionSpec.PauseMode;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.port.TrackSink;
import io.srs.rtp.codec.PayloadDecoder;
import java.util.Objects;

/**
 * Places one stream's RTP payloads on the session timeline, decodes them through the payload type's
 * {@link PayloadDecoder} and writes the stored samples to its {@link TrackSink} in timeline order,
 * filling every gap with silence of exact length and recording why. Pure: no I/O, no Netty;
 * confined to the session's event loop, so it takes no locks and allocates nothing per packet.
 *
 * <p>Units: RTP timestamps are in ticks of the format's clock; the track is in stored samples at
 * the track's sample rate; one tick is {@code samplesPerTick} samples (2 for G.722, RFC 3551
 * §4.5.2). A payload-type switch within the negotiated formats continues the segment when the clock
 * is the same, and re-anchors when it is not (RFC 7160: a clock change breaks the timestamp line).
 *
 * <p>Placement (RFC 3550 §5.1): each segment of the stream — a source from its first packet to an
 * SSRC change, a sequence restart, a timestamp jump, or a pause — has one {@link SegmentAnchor}
 * settled on arrival times; packets sit at anchor + (timestamp − anchor timestamp). Silence before
 * a packet is a gap with a cause: {@code LEAD_IN} before the track's first audio, {@code REANCHOR}
 * before a new segment's first audio (and for sender-report corrections), {@code LOSS} for the span
 * of packets declared lost (their count times the last packet's length, first), {@code DTX} for the
 * rest (comfort noise, DTMF in place of audio, silence suppression), {@code PAUSE}/{@code HOLD}
 * while paused, {@code TAIL} after the last packet.
 *
 * <p>Sender reports (RFC 3550 §6.4.1, {@link SenderReportAlignment}) ask for an anchor shift; it
 * reaches the track without touching received audio: a later position by inserting silence
 * (REANCHOR) before the next packet; an earlier one by shortening the next silence (a DTX or loss
 * gap) as far as it allows, the rest staying pending. A track whose pause was cut is not realigned
 * (it is meant to be out of step).
 *
 * <p>Pause ({@link #pause}): nothing is expected while paused; packets still arriving are counted
 * as discarded. On resume the sequence restarts and the first packet re-anchors by arrival time. In
 * {@link PauseMode#SILENCE} the paused wall-clock span becomes a PAUSE/HOLD gap. In {@link
 * PauseMode#CUT} the span is left out: this track's later audio sits that much earlier than the
 * other tracks' audio of the same moment (they no longer overlay after the cut, and the track is
 * padded at its end to the common length); a zero-length gap marks the cut's offset.
 *
 * <p>DTMF (RFC 4733): telephone-events share the sequence space and the timestamp clock; they take
 * their place in the reorder window (for loss and duplicate counting) but are never audio. With
 * masking, audio under an event is written as silence and the event is recorded with code -1, so
 * the sidecar shows that and where a key was pressed, never which.
 */
public final class TrackPlacer implements ReorderWindow.Output, DtmfTracker.Listener {

  /** RFC 3389 comfort noise, static payload type 13 (RFC 3551 §6): its gap becomes silence. */
  public static final int COMFORT_NOISE_PAYLOAD_TYPE = 13;

  /** RFC 3550 §A.1: a forward sequence jump beyond this is a restart, not loss. */
  static final int MAX_DROPOUT = 3000;

  /** RFC 3550 §A.1: a backward sequence jump beyond this is a restart, not reordering. */
  static final int MAX_MISORDER = 100;

  /** A timestamp leap forward beyond this many seconds re-anchors by arrival time. */
  static final int MAX_FORWARD_JUMP_SECONDS = 10;

  private final int streamIndex;
  private final TrackFormats formats;
  private final int sampleRate;
  private final int maxPayloadBytes;
  private final boolean dtmfMasking;
  private final PauseMode pauseMode;
  private final TrackOutput out;
  private final SessionTimeline timeline;
  private final ReorderWindow window;
  private final TimelineLog log = new TimelineLog();
  private final DtmfTracker dtmf = new DtmfTracker(this);
  private final SegmentAnchor anchor = new SegmentAnchor();
  private final SenderReportAlignment senderReports;
  private final byte[] decoded;
  private final byte[] eventPayload = new byte[DtmfTracker.EVENT_BYTES];

  // Source and sequence state (RFC 3550 §A.1, extended to 64 bits).
  private boolean started;
  private long ssrc;
  private long previousSsrc = -1;
  private long firstSsrc = -1;
  private long firstArrivalNanos;
  private long highestSeq;
  private long lowestSeq;
  private boolean segmentOpen;
  private long expectedInEarlierSegments;
  private int restartCandidate = -1;
  private boolean restartOnNextPacket;

  // Timestamp and anchor state.
  private boolean needsAnchor;
  private long highestAudioSeq;
  private long highestTimestamp;
  private int segmentClockRate;
  private boolean anchorUnplaced;
  private GapCause segmentCause;
  private boolean ssrcChangePending;
  private long ssrcChangeArrivalNanos;
  private int lastKind = -1;
  private boolean discontinuity = true;
  private long lostSinceAudio;
  private long lastAudioSamples;

  // The correction RFC 3550 §6.4.1 sender reports ask for, in samples, not yet applied.
  private long pendingShift;
  private long shiftGap;

  // Pause state.
  private boolean paused;
  private GapCause pauseCause = GapCause.PAUSE;
  private long pausedAtNanos;
  private long cutSamples;

  // Counters.
  private long received;
  private long lost;
  private long late;
  private long duplicates;
  private long discarded;
  private int ssrcChanges;

  /**
   * @param reorderWindow packets held for reordering, 1..64
   * @param maxPayloadBytes the largest payload kept; larger ones are discarded
   * @param dtmfMasking silence audio under RFC 4733 events and keep no digits
   */
  public TrackPlacer(
      int streamIndex,
      TrackFormats formats,
      TrackSink sink,
      SessionTimeline timeline,
      int reorderWindow,
      int maxPayloadBytes,
      boolean dtmfMasking,
      PauseMode pauseMode) {
    this.streamIndex = streamIndex;
    this.formats = Objects.requireNonNull(formats, "formats");
    this.sampleRate = formats.sampleRate();
    this.maxPayloadBytes = maxPayloadBytes;
    this.dtmfMasking = dtmfMasking;
    this.pauseMode = Objects.requireNonNull(pauseMode, "pauseMode");
    this.out =
        new TrackOutput(
            Objects.requireNonNull(sink, "sink"), log, formats.storedEncoding().bytesPerSample());
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.window = new ReorderWindow(reorderWindow, maxPayloadBytes);
    this.senderReports = new SenderReportAlignment(streamIndex, sampleRate, timeline);
    this.decoded = new byte[formats.maxOutputBytes(maxPayloadBytes)];
  }

  /** One G.711 format stored natively, no DTMF, pauses as silence. */
  public TrackPlacer(
      int streamIndex,
      Codec codec,
      int payloadType,
      TrackSink sink,
      SessionTimeline timeline,
      int reorderWindow,
      int maxPayloadBytes) {
    this(
        streamIndex,
        TrackFormats.g711(codec, payloadType),
        sink,
        timeline,
        reorderWindow,
        maxPayloadBytes,
        false,
        PauseMode.SILENCE);
  }

  /**
   * Takes one valid RTP packet from the latched source.
   *
   * @param sequence the 16-bit sequence number
   * @param timestamp the 32-bit timestamp, unsigned
   * @param ssrc the 32-bit SSRC, unsigned
   * @param payload where the payload bytes are; read before this method returns
   * @param arrivalNanos when the packet arrived, on the session's monotonic clock
   */
  public void receive(
      int sequence,
      long timestamp,
      long ssrc,
      int payloadType,
      PayloadSource payload,
      int payloadIndex,
      int payloadLength,
      long arrivalNanos) {
    if (paused) {
      discarded++; // nothing is expected while paused
      return;
    }
    int kind = formats.kind(payloadType);
    if (kind >= 0 && (payloadLength == 0 || payloadLength > maxPayloadBytes)) {
      kind = TrackFormats.OTHER;
    }
    boolean audio = kind >= 0;
    if (!started || ssrc != this.ssrc) {
      if (started && ssrc == previousSsrc) {
        received++;
        late++; // a straggler from before the SSRC change: its place is behind us
        return;
      }
      if (!audio) {
        countUnwritten(kind);
        return;
      }
      beginSource(ssrc, sequence, arrivalNanos);
    } else if (restartOnNextPacket) {
      restartSequence(sequence); // after a resume: a clean sequence, a new anchor
    }
    restartOnNextPacket = false;
    long extendedSeq = highestSeq + (short) (sequence - highestSeq);
    long jump = extendedSeq - highestSeq;
    if (jump > MAX_DROPOUT || jump < -MAX_MISORDER) {
      // RFC 3550 §A.1: believe a big jump only when the next packet follows it in sequence.
      if (sequence != restartCandidate) {
        restartCandidate = (sequence + 1) & 0xFFFF;
        discarded++;
        return;
      }
      restartSequence(sequence);
      extendedSeq = sequence;
    }
    restartCandidate = -1;
    received++;
    long extendedTs =
        needsAnchor ? timestamp : highestTimestamp + (int) (timestamp - highestTimestamp);
    if (!audio) {
      receiveOther(
          kind, extendedSeq, extendedTs, payload, payloadIndex, payloadLength, arrivalNanos);
      return;
    }
    if (needsAnchor) {
      beginAnchor(extendedSeq, extendedTs, kind, arrivalNanos);
    } else if (extendedSeq > highestAudioSeq) {
      long leap = extendedTs - highestTimestamp;
      if (leap < 0
          || leap > (long) MAX_FORWARD_JUMP_SECONDS * segmentClockRate
          || formats.clockRate(kind) != segmentClockRate) {
        window.flush(this);
        endSegment();
        senderReports.forget(); // the sender's NTP/RTP mapping moved with its timestamps
        beginAnchor(extendedSeq, extendedTs, kind, arrivalNanos);
      } else {
        highestTimestamp = extendedTs;
        highestAudioSeq = extendedSeq;
        anchor.observe(extendedTs, arrivalPosition(arrivalNanos), arrivalNanos);
        timeline.observe(arrivalNanos, anchor.positionOf(extendedTs) + cutSamples, sampleRate);
      }
    } else {
      anchor.observe(extendedTs, arrivalPosition(arrivalNanos), arrivalNanos);
    }
    count(
        window.offer(extendedSeq, extendedTs, kind, payload, payloadIndex, payloadLength, this),
        extendedSeq);
  }

  /**
   * An RTCP sender report (RFC 3550 §6.4.1) for this stream, from the RTCP port or rtcp-mux.
   *
   * @param ssrc the reporting source
   * @param ntpNanos its NTP timestamp in nanoseconds
   * @param rtpTimestamp the RTP timestamp of the same instant, unsigned 32-bit
   */
  public void onSenderReport(long ssrc, long ntpNanos, long rtpTimestamp) {
    senderReports.report(ssrc, ntpNanos, rtpTimestamp);
    realign();
  }

  /**
   * The SRC paused the stream ({@code a=inactive}): what the window holds is placed, an open DTMF
   * event ends, and later packets are discarded until {@link #resume}.
   *
   * @param cause {@link GapCause#PAUSE} or {@link GapCause#HOLD}
   */
  public void pause(GapCause cause, long nowNanos) {
    if (paused) {
      return;
    }
    window.flush(this);
    dtmf.finishOpen();
    paused = true;
    pauseCause = cause;
    pausedAtNanos = nowNanos;
  }

  /** The stream resumed: writes the paused span (SILENCE) or cuts it (CUT). */
  public void resume(long nowNanos) {
    if (!paused) {
      return;
    }
    paused = false;
    restartOnNextPacket = true;
    if (!timeline.started()) {
      return; // nothing placed on any stream yet: the lead-in will cover the pause
    }
    if (pauseMode == PauseMode.SILENCE) {
      long resumedAt = arrivalPosition(nowNanos);
      if (resumedAt > out.written()) {
        out.gap(resumedAt - out.written(), pauseCause);
      }
    } else {
      log.gap(out.written(), 0, pauseCause); // marks where the paused span was cut out
      cutSamples += SessionTimeline.samplesIn(Math.max(0, nowNanos - pausedAtNanos), sampleRate);
    }
  }

  public boolean paused() {
    return paused;
  }

  /** Counts a packet the I/O layer dropped: not RTP, or from a source other than the latched. */
  public void countDiscarded() {
    discarded++;
  }

  /** Releases every packet still held, declaring the holes lost; ends an open DTMF event. */
  public void flush() {
    window.flush(this);
    dtmf.finishOpen();
  }

  /** Appends silence until the track holds {@code samples} samples. */
  public void padTo(long samples) {
    if (samples > out.written()) {
      GapCause cause;
      if (paused && pauseMode == PauseMode.SILENCE) {
        cause = pauseCause;
      } else {
        cause = out.audio() > 0 ? GapCause.TAIL : GapCause.LEAD_IN;
      }
      out.gap(samples - out.written(), cause);
    }
  }

  /** The track's length in samples, silence included. */
  public long samplesWritten() {
    return out.written();
  }

  /** The stored sample rate: positions and lengths count samples of it. */
  public int sampleRate() {
    return sampleRate;
  }

  /** Audio samples written as silence because a DTMF event lay over them (masking). */
  public long maskedSamples() {
    return out.masked();
  }

  /** Gaps written but not listed: the timeline's cap was reached. */
  public long gapsOmitted() {
    return log.gapsOmitted();
  }

  public StreamStats stats() {
    long expected = expectedInEarlierSegments + (segmentOpen ? highestSeq - lowestSeq + 1 : 0);
    return new StreamStats(
        streamIndex,
        received,
        expected,
        lost,
        late,
        duplicates,
        discarded,
        out.written(),
        out.silence(),
        firstSsrc,
        ssrcChanges,
        firstSsrc < 0 ? null : timeline.instantAt(firstArrivalNanos));
  }

  /** Gaps, SSRC changes and DTMF events so far. */
  public StreamTimeline timeline() {
    return log.toStreamTimeline(streamIndex, sampleRate);
  }

  @Override
  public void release(long sequence, long timestamp, int kind, byte[] payload, int length) {
    if (kind < 0) {
      return; // comfort noise, telephone-event, unknown: the next audio's gap covers their span
    }
    if (!anchor.settled()) {
      anchor.settle();
      realign();
    }
    long position = anchor.positionOf(timestamp);
    if (anchorUnplaced) {
      // The first packet of a segment never lands behind what is written: shift the anchor.
      if (position < out.written()) {
        anchor.shift(out.written() - position);
        position = out.written();
      }
      anchorUnplaced = false;
    }
    position = applyPendingShift(position);
    if (ssrcChangePending) {
      ssrcChangePending = false;
      log.ssrcChange(position, previousSsrc, ssrc, timeline.instantAt(ssrcChangeArrivalNanos));
    }
    PayloadDecoder decoder = formats.decoder(kind);
    if (kind != lastKind || discontinuity || lostSinceAudio > 0) {
      decoder.reset(); // stateful codecs restart clean after a switch, a new segment, a loss
    }
    lastKind = kind;
    discontinuity = false;
    int bytes = decoder.decode(payload, 0, length, decoded, 0);
    if (bytes < 0) {
      discarded++;
      lostSinceAudio++; // its span is missing audio: the gap it leaves is LOSS
      return;
    }
    int samples = bytes / formats.storedEncoding().bytesPerSample();
    if (position >= out.written()) {
      if (position > out.written()) {
        fillGap(position - out.written());
      }
      writeAudio(0, samples);
    } else if (position + samples <= out.written()) {
      late++;
      return;
    } else {
      int overlap = (int) (out.written() - position);
      writeAudio(overlap, samples - overlap);
    }
    lostSinceAudio = 0;
    lastAudioSamples = samples;
    segmentCause = null;
    shiftGap = 0;
  }

  @Override
  public void lost(long sequence) {
    lost++;
    lostSinceAudio++;
  }

  @Override
  public void dtmfEvent(
      int event,
      long startTimestamp,
      long durationTicks,
      long firstArrivalNanos,
      long firstDurationTicks) {
    int perTick = needsAnchor ? formats.samplesPerTick(0) : anchor.samplesPerTick();
    long offset =
        needsAnchor
            ? arrivalPosition(firstArrivalNanos) - firstDurationTicks * perTick
            : anchor.positionOf(startTimestamp);
    log.dtmf(dtmfMasking ? -1 : event, Math.max(0, offset), durationTicks * perTick, dtmfMasking);
  }

  private void receiveOther(
      int kind,
      long extendedSeq,
      long extendedTs,
      PayloadSource payload,
      int payloadIndex,
      int payloadLength,
      long arrivalNanos) {
    boolean event = kind == TrackFormats.TELEPHONE_EVENT;
    if (kind == TrackFormats.OTHER || (event && payloadLength < DtmfTracker.EVENT_BYTES)) {
      discarded++;
    }
    ReorderWindow.Outcome outcome = window.offer(extendedSeq, extendedTs, kind, null, 0, 0, this);
    count(outcome, extendedSeq);
    if (event
        && payloadLength >= DtmfTracker.EVENT_BYTES
        && outcome != ReorderWindow.Outcome.DUPLICATE) {
      payload.copy(payloadIndex, eventPayload, 0, DtmfTracker.EVENT_BYTES);
      dtmf.onPacket(extendedTs, eventPayload, arrivalNanos);
    }
  }

  private void beginSource(long newSsrc, int sequence, long arrivalNanos) {
    // The old source's packets leave the window first, and while they do, the source and the
    // change still pending are the old ones (an earlier change is logged as it was).
    restartSequence(sequence);
    if (started) {
      previousSsrc = ssrc;
      ssrcChanges++;
      ssrcChangePending = true; // logged where the new source's first sample goes
      ssrcChangeArrivalNanos = arrivalNanos;
    } else {
      started = true;
      firstSsrc = newSsrc;
      firstArrivalNanos = arrivalNanos;
    }
    ssrc = newSsrc;
  }

  /** Closes the current sequence segment (RFC 3550 §A.1 re-sync) and opens one at {@code seq}. */
  private void restartSequence(int sequence) {
    window.flush(this);
    endSegment();
    if (segmentOpen) {
      expectedInEarlierSegments += highestSeq - lowestSeq + 1;
    }
    window.restart();
    segmentOpen = true;
    highestSeq = sequence;
    lowestSeq = sequence;
    needsAnchor = true;
  }

  /** After the window is flushed: DTMF spans end with the segment's timestamps. */
  private void endSegment() {
    dtmf.clearSpans();
    pendingShift = 0;
    segmentCause = out.audio() > 0 ? GapCause.REANCHOR : GapCause.LEAD_IN;
  }

  private void beginAnchor(long extendedSeq, long extendedTs, int kind, long arrivalNanos) {
    if (segmentCause == null) {
      segmentCause = out.audio() > 0 ? GapCause.REANCHOR : GapCause.LEAD_IN;
    }
    anchor.begin(
        extendedTs, formats.samplesPerTick(kind), arrivalPosition(arrivalNanos), arrivalNanos);
    segmentClockRate = formats.clockRate(kind);
    highestTimestamp = extendedTs;
    highestAudioSeq = extendedSeq;
    anchorUnplaced = true;
    discontinuity = true;
    needsAnchor = false;
  }

  /** Where an arrival falls on this track: the session position, less what pauses cut out. */
  private long arrivalPosition(long arrivalNanos) {
    return timeline.positionOf(arrivalNanos, sampleRate) - cutSamples;
  }

  /** Asks the sender report of the current source where the segment belongs. */
  private void realign() {
    if (needsAnchor || !anchor.settled() || cutSamples != 0) {
      return; // nothing placed to align yet, or a cut track meant to be out of step
    }
    long shift = senderReports.correction(ssrc, highestTimestamp, anchor);
    if (shift != SenderReportAlignment.NONE) {
      pendingShift = shift;
    }
  }

  /** Applies a sender-report correction as far as the gap before {@code position} allows. */
  private long applyPendingShift(long position) {
    if (pendingShift == 0) {
      return position;
    }
    long shift =
        pendingShift > 0
            ? pendingShift
            : Math.max(pendingShift, -Math.max(0, position - out.written()));
    if (shift > 0) {
      shiftGap = shift;
    }
    anchor.shift(shift);
    pendingShift -= shift;
    return position + shift;
  }

  private void count(ReorderWindow.Outcome outcome, long extendedSeq) {
    switch (outcome) {
      case HELD -> {
        highestSeq = Math.max(highestSeq, extendedSeq);
        lowestSeq = Math.min(lowestSeq, extendedSeq);
      }
      case DUPLICATE -> duplicates++;
      case LATE -> late++;
    }
  }

  private void countUnwritten(int kind) {
    if (kind == TrackFormats.OTHER) {
      discarded++;
    }
  }

  /**
   * Silence before a packet, split by cause (see the class comment): the span of packets declared
   * lost first (their count times the last packet's length), then DTX or the segment's cause, then
   * a sender-report correction's REANCHOR. So LOSS gaps account for every lost packet of a known
   * length, also when a new segment follows the loss.
   */
  private void fillGap(long samples) {
    long reanchor = Math.min(shiftGap, samples);
    long rest = samples - reanchor;
    if (lostSinceAudio > 0 && (lastAudioSamples > 0 || segmentCause == null)) {
      long loss = lastAudioSamples > 0 ? Math.min(rest, lostSinceAudio * lastAudioSamples) : rest;
      out.gap(loss, GapCause.LOSS);
      rest -= loss;
    }
    out.gap(rest, segmentCause != null ? segmentCause : GapCause.DTX);
    out.gap(reanchor, GapCause.REANCHOR);
  }

  /** Writes decoded samples [from, from + count) at the track's end, masking DTMF spans. */
  private void writeAudio(int from, int count) {
    int cursor = from;
    int end = from + count;
    if (dtmfMasking) {
      long origin = out.written() - from; // the position of decoded sample 0
      for (int i = 0; i < dtmf.spanCount() && cursor < end; i++) {
        long spanEnd = dtmf.spanEnd(i);
        long maskFrom = anchor.positionOf(dtmf.spanStart(i)) - origin;
        long maskTo = spanEnd == DtmfTracker.OPEN ? end : anchor.positionOf(spanEnd) - origin;
        int s = (int) Math.max(cursor, Math.min(end, maskFrom));
        int e = (int) Math.max(cursor, Math.min(end, maskTo));
        if (s < e) {
          out.audio(decoded, cursor, s);
          out.masked(e - s);
          cursor = e;
        }
      }
    }
    out.audio(decoded, cursor, end);
  }
}
