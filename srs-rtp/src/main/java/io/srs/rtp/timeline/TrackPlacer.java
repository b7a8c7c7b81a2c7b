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
 * is the same, and re-anchors when it is not.
 *
 * <p>Placement (RFC 3550 §5.1): each segment of the stream — a source from its first packet to an
 * SSRC change ({@link SourceTracker}), a sequence restart ({@link SequenceTracker}), a timestamp
 * jump ({@link SegmentTracker}), or a pause ({@link TrackPause}) — has one {@link SegmentAnchor}
 * settled on arrival times; packets sit at anchor + (timestamp − anchor timestamp). They pass
 * through the {@link ReorderWindow} first. Silence before a packet is a gap with a cause ({@link
 * GapAccounting}): {@code LEAD_IN}, {@code REANCHOR}, {@code LOSS}, {@code DTX}; {@code
 * PAUSE}/{@code HOLD} while paused, {@code TAIL} after the last packet. Sender reports (RFC 3550
 * §6.4.1, {@link SenderReportAlignment}) shift the anchor without touching received audio; a track
 * whose pause was cut is not realigned (it is meant to be out of step).
 *
 * <p>DTMF (RFC 4733): telephone-events share the sequence space and the timestamp clock; they take
 * their place in the reorder window (for loss and duplicate counting) but are never audio. With
 * masking ({@link DtmfMask}), audio under an event is written as silence and the event is recorded
 * with code -1, so the sidecar shows that and where a key was pressed, never which.
 */
public final class TrackPlacer implements ReorderWindow.Output {

  /** RFC 3389 comfort noise, static payload type 13 (RFC 3551 §6): its gap becomes silence. */
  public static final int COMFORT_NOISE_PAYLOAD_TYPE = 13;

  private final int streamIndex;
  private final TrackFormats formats;
  private final int sampleRate;
  private final int maxPayloadBytes;
  private final boolean dtmfMasking;
  private final SessionTimeline timeline;
  private final TimelineLog log = new TimelineLog();
  private final TrackOutput out;
  private final GapAccounting gaps;
  private final ReorderWindow window;
  private final SourceTracker sources = new SourceTracker();
  private final SequenceTracker sequences = new SequenceTracker();
  private final SegmentTracker segment;
  private final SegmentAnchor anchor;
  private final SenderReportAlignment senderReports;
  private final TrackPause pauses;
  private final DtmfTracker dtmf;
  private final DtmfMask mask;
  private final TrackDecoder decoder;
  private final byte[] eventPayload = new byte[DtmfTracker.EVENT_BYTES];

  private boolean restartOnNextPacket;

  // Counters.
  private long received;
  private long lost;
  private long late;
  private long duplicates;
  private long discarded;

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
    Objects.requireNonNull(pauseMode, "pauseMode");
    this.out =
        new TrackOutput(
            Objects.requireNonNull(sink, "sink"), log, formats.storedEncoding().bytesPerSample());
    this.gaps = new GapAccounting(out);
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.segment = new SegmentTracker(timeline, sampleRate);
    this.anchor = segment.anchor();
    this.window = new ReorderWindow(reorderWindow, maxPayloadBytes);
    this.senderReports = new SenderReportAlignment(streamIndex, sampleRate, timeline);
    this.pauses = new TrackPause(pauseMode, sampleRate, timeline, out, log);
    this.dtmf = new DtmfTracker(new DtmfEventLog(segment, formats, pauses, log, dtmfMasking));
    this.mask = new DtmfMask(dtmf, anchor, out);
    this.decoder = new TrackDecoder(formats, maxPayloadBytes);
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
    if (pauses.paused()) {
      discarded++; // nothing is expected while paused
      return;
    }
    int kind = formats.kind(payloadType);
    if (kind >= 0 && (payloadLength == 0 || payloadLength > maxPayloadBytes)) {
      kind = TrackFormats.OTHER;
    }
    boolean audio = kind >= 0;
    if (!sources.isCurrent(ssrc)) {
      if (sources.isPrevious(ssrc)) {
        received++;
        late++; // a straggler from before the SSRC change: its place is behind us
        return;
      }
      if (!audio) {
        countUnwritten(kind);
        return;
      }
      restartSequence(sequence); // the old source's packets leave the window first
      sources.begin(ssrc, arrivalNanos);
    } else if (restartOnNextPacket) {
      restartSequence(sequence); // after a resume: a clean sequence, a new anchor
    }
    restartOnNextPacket = false;
    long extendedSeq = sequences.extend(sequence);
    if (extendedSeq == SequenceTracker.JUMP) {
      if (!sequences.confirmsJump(sequence)) {
        discarded++; // on probation until the next packet follows it
        return;
      }
      restartSequence(sequence);
      extendedSeq = sequence;
    }
    received++;
    long extendedTs = segment.extend(timestamp);
    if (!audio) {
      receiveOther(
          kind, extendedSeq, extendedTs, payload, payloadIndex, payloadLength, arrivalNanos);
      return;
    }
    if (!segment.anchored()) {
      beginSegment(extendedSeq, extendedTs, kind, arrivalNanos);
    } else if (segment.isNewest(extendedSeq)) {
      if (segment.breaks(extendedTs, formats.clockRate(kind))) {
        window.flush(this);
        endSegment();
        senderReports.forget(); // the sender's NTP/RTP mapping moved with its timestamps
        beginSegment(extendedSeq, extendedTs, kind, arrivalNanos);
      } else {
        segment.advance(extendedSeq, extendedTs);
        anchor.observe(extendedTs, arrivalNanos);
        if (anchor.settled()) {
          // Only a settled segment's start refines the origin: moved under an estimate still
          // settling, the origin would put that segment late by the difference.
          timeline.observe(arrivalNanos, anchor.startNanos());
        }
      }
    } else {
      anchor.observe(extendedTs, arrivalNanos);
    }
    count(
        window.offer(extendedSeq, extendedTs, kind, payload, payloadIndex, payloadLength, this),
        extendedSeq);
  }

  /**
   * The receive path re-latched the stream to another address (see SourceLatch): noted on the
   * timeline where a packet arriving now would go, so the sidecar shows where the source moved.
   */
  public void onSourceChange(String previousSource, String source, long arrivalNanos) {
    log.sourceChange(
        Math.max(0, pauses.arrivalPosition(arrivalNanos)),
        previousSource,
        source,
        timeline.instantAt(arrivalNanos));
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
    if (pauses.paused()) {
      return;
    }
    window.flush(this);
    dtmf.finishOpen();
    pauses.begin(cause, nowNanos);
  }

  /**
   * The stream resumed: writes the paused span (SILENCE) or cuts it (CUT); the sequence restarts
   * and the next packet re-anchors by arrival time.
   */
  public void resume(long nowNanos) {
    if (!pauses.paused()) {
      return;
    }
    restartOnNextPacket = true;
    pauses.end(nowNanos);
  }

  public boolean paused() {
    return pauses.paused();
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
      if (pauses.silencing()) {
        cause = pauses.cause();
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

  /** The placer's counts; the SRTP counts are 0 here (see {@link StreamStats#withSrtp}). */
  public StreamStats stats() {
    return new StreamStats(
        streamIndex,
        received,
        sequences.expected(),
        lost,
        late,
        duplicates,
        discarded,
        out.written(),
        out.silence(),
        sources.first(),
        sources.changes(),
        sources.first() < 0 ? null : timeline.instantAt(sources.firstArrivalNanos()),
        0,
        0);
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
    long followed = anchor.followOrigin(); // the origin moved earlier since the anchor settled
    long position = segment.place(anchor.positionOf(timestamp), out.written());
    long shift = senderReports.applyPending(position, out.written(), anchor);
    if (followed + shift > 0) {
      gaps.shifted(followed + shift);
    }
    position += shift;
    sources.logChange(position, log, timeline);
    int samples = decoder.decode(kind, payload, length, gaps.lossSinceAudio());
    if (samples < 0) {
      discarded++;
      gaps.lost(); // its span is missing audio: the gap it leaves is LOSS
      return;
    }
    if (position >= out.written()) {
      if (position > out.written()) {
        gaps.fill(position - out.written());
      }
      writeAudio(0, samples);
    } else if (position + samples <= out.written()) {
      late++;
      return;
    } else {
      int overlap = (int) (out.written() - position);
      writeAudio(overlap, samples - overlap);
    }
    gaps.audioWritten(samples);
  }

  @Override
  public void lost(long sequence) {
    lost++;
    gaps.lost();
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

  /** Closes the current sequence segment (RFC 3550 §A.1 re-sync) and opens one at {@code seq}. */
  private void restartSequence(int sequence) {
    window.flush(this);
    endSegment();
    sequences.restart(sequence);
    window.restart();
    segment.close();
  }

  /** After the window is flushed: DTMF spans and corrections end with the segment's timestamps. */
  private void endSegment() {
    dtmf.clearSpans();
    senderReports.dropPending();
    gaps.segmentEnded();
  }

  private void beginSegment(long extendedSeq, long extendedTs, int kind, long arrivalNanos) {
    timeline.arrived(arrivalNanos); // the session's first audio fixes the origin
    gaps.segmentBegins();
    segment.begin(
        extendedSeq,
        extendedTs,
        formats.samplesPerTick(kind),
        formats.clockRate(kind),
        arrivalNanos,
        pauses.cutSamples());
    decoder.discontinuity();
  }

  /** Asks the sender report of the current source where the segment belongs. */
  private void realign() {
    if (!segment.anchored() || !anchor.settled() || pauses.cutSamples() != 0) {
      return; // nothing placed to align yet, or a cut track meant to be out of step
    }
    senderReports.realign(sources.current(), segment.highestTimestamp(), anchor);
  }

  private void count(ReorderWindow.Outcome outcome, long extendedSeq) {
    switch (outcome) {
      case HELD -> sequences.held(extendedSeq);
      case DUPLICATE -> duplicates++;
      case LATE -> late++;
    }
  }

  private void countUnwritten(int kind) {
    if (kind == TrackFormats.OTHER) {
      discarded++;
    }
  }

  /** Writes decoded samples [from, from + count) at the track's end, masking DTMF spans. */
  private void writeAudio(int from, int count) {
    if (dtmfMasking) {
      mask.write(decoder.decoded(), from, from + count);
    } else {
      out.audio(decoder.decoded(), from, from + count);
    }
  }
}
