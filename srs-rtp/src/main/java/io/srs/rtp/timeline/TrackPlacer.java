package io.srs.rtp.timeline;

import io.srs.core.media.Codec;
import io.srs.core.port.StreamStats;
import io.srs.core.port.TrackSink;
import java.util.Objects;

/**
 * Places one stream's RTP payloads on the session timeline and writes them to its {@link TrackSink}
 * in timeline order, filling every gap (loss, DTX, comfort noise, pause) with silence of exact
 * length. Pure: no I/O, no Netty; confined to the session's event loop, so it takes no locks and
 * allocates nothing per packet.
 *
 * <p>Placement (RFC 3550 §5.1): a source's first packet is anchored at its arrival on the session
 * timeline; later packets sit at {@code anchor + (extended timestamp − anchor timestamp)}. A new
 * SSRC, a sequence restart or a timestamp jump re-anchors by arrival time.
 *
 * <p>TODO(later issue): anchoring on a single arrival carries that packet's network jitter into the
 * whole segment. The robust version anchors on the minimum over the first packets' transit times
 * and, where RTCP sender reports come, on their NTP/RTP timestamp pairs (RFC 3550 §6.4.1).
 */
public final class TrackPlacer implements ReorderWindow.Output {

  /** RFC 3389 comfort noise, static payload type 13 (RFC 3551 §6): its gap becomes silence. */
  public static final int COMFORT_NOISE_PAYLOAD_TYPE = 13;

  /** RFC 3550 §A.1: a forward sequence jump beyond this is a restart, not loss. */
  static final int MAX_DROPOUT = 3000;

  /** RFC 3550 §A.1: a backward sequence jump beyond this is a restart, not reordering. */
  static final int MAX_MISORDER = 100;

  /** A timestamp leap forward beyond this many seconds re-anchors by arrival time. */
  static final int MAX_FORWARD_JUMP_SECONDS = 10;

  private final int streamIndex;
  private final int clockRate;
  private final int bytesPerSample;
  private final int payloadType;
  private final int maxPayloadBytes;
  private final long maxForwardJump;
  private final TrackSink sink;
  private final SessionTimeline timeline;
  private final ReorderWindow window;

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

  // Timestamp and anchor state.
  private boolean needsAnchor;
  private long highestAudioSeq;
  private long highestTimestamp;
  private long anchorPosition;
  private long anchorTimestamp;
  private boolean anchorUnplaced;

  // Output and counters.
  private long written;
  private long silence;
  private long received;
  private long lost;
  private long late;
  private long duplicates;
  private long discarded;
  private int ssrcChanges;

  /**
   * @param reorderWindow packets held for reordering, 1..64
   * @param maxPayloadBytes the largest payload kept; larger ones are discarded
   */
  public TrackPlacer(
      int streamIndex,
      Codec codec,
      int payloadType,
      TrackSink sink,
      SessionTimeline timeline,
      int reorderWindow,
      int maxPayloadBytes) {
    this.streamIndex = streamIndex;
    this.clockRate = codec.clockRate();
    this.bytesPerSample = codec.storedEncoding().bytesPerSample();
    this.payloadType = payloadType;
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxForwardJump = (long) MAX_FORWARD_JUMP_SECONDS * clockRate;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.window = new ReorderWindow(reorderWindow, maxPayloadBytes);
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
    boolean audio =
        payloadType == this.payloadType
            && payloadLength <= maxPayloadBytes
            && payloadLength % bytesPerSample == 0;
    if (!started || ssrc != this.ssrc) {
      if (started && ssrc == previousSsrc) {
        received++;
        late++; // a straggler from before the SSRC change: its place is behind us
        return;
      }
      if (!audio) {
        countUnwritten(payloadType);
        return;
      }
      beginSource(ssrc, sequence, arrivalNanos);
    }
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
    if (!audio) {
      countUnwritten(payloadType);
      count(window.offer(extendedSeq, 0, false, null, 0, 0, this), extendedSeq);
      return;
    }
    long extendedTs;
    if (needsAnchor) {
      extendedTs = timestamp;
      anchor(extendedSeq, extendedTs, arrivalNanos);
    } else {
      extendedTs = highestTimestamp + (int) (timestamp - highestTimestamp);
      if (extendedSeq > highestAudioSeq) {
        long leap = extendedTs - highestTimestamp;
        if (leap < 0 || leap > maxForwardJump) {
          window.flush(this);
          anchor(extendedSeq, extendedTs, arrivalNanos);
        } else {
          highestTimestamp = extendedTs;
          highestAudioSeq = extendedSeq;
        }
      }
    }
    count(
        window.offer(extendedSeq, extendedTs, true, payload, payloadIndex, payloadLength, this),
        extendedSeq);
  }

  /** Counts a packet the I/O layer dropped: not RTP, or from a source other than the latched. */
  public void countDiscarded() {
    discarded++;
  }

  /** Releases every packet still held, declaring the holes lost. */
  public void flush() {
    window.flush(this);
  }

  /** Appends silence until the track holds {@code samples} samples. */
  public void padTo(long samples) {
    if (samples > written) {
      writeSilence(samples - written);
    }
  }

  /** The track's length in samples, silence included. */
  public long samplesWritten() {
    return written;
  }

  public int clockRate() {
    return clockRate;
  }

  public StreamStats stats() {
    long expected = expectedInEarlierSegments + (started ? highestSeq - lowestSeq + 1 : 0);
    return new StreamStats(
        streamIndex,
        received,
        expected,
        lost,
        late,
        duplicates,
        discarded,
        written,
        silence,
        firstSsrc,
        ssrcChanges,
        firstSsrc < 0 ? null : timeline.instantAt(firstArrivalNanos));
  }

  @Override
  public void release(long sequence, long timestamp, boolean audio, byte[] payload, int length) {
    if (!audio) {
      return;
    }
    long position = anchorPosition + (timestamp - anchorTimestamp);
    if (anchorUnplaced) {
      // The first packet of a segment never lands behind what is written: shift the anchor.
      if (position < written) {
        anchorPosition += written - position;
        position = written;
      }
      anchorUnplaced = false;
    }
    int samples = length / bytesPerSample;
    if (position >= written) {
      if (position > written) {
        writeSilence(position - written);
      }
      writeAudio(payload, 0, length);
    } else if (position + samples <= written) {
      late++;
    } else {
      int overlap = (int) (written - position) * bytesPerSample;
      writeAudio(payload, overlap, length - overlap);
    }
  }

  @Override
  public void lost(long sequence) {
    lost++;
  }

  private void beginSource(long newSsrc, int sequence, long arrivalNanos) {
    if (started) {
      previousSsrc = ssrc;
      ssrcChanges++;
    } else {
      started = true;
      firstSsrc = newSsrc;
      firstArrivalNanos = arrivalNanos;
    }
    ssrc = newSsrc;
    restartSequence(sequence);
  }

  /** Closes the current sequence segment (RFC 3550 §A.1 re-sync) and opens one at {@code seq}. */
  private void restartSequence(int sequence) {
    window.flush(this);
    if (segmentOpen) {
      expectedInEarlierSegments += highestSeq - lowestSeq + 1;
    }
    window.restart();
    segmentOpen = true;
    highestSeq = sequence;
    lowestSeq = sequence;
    needsAnchor = true;
  }

  private void anchor(long extendedSeq, long extendedTs, long arrivalNanos) {
    // Never behind what is written: a re-anchored source continues where the track stands.
    anchorPosition = Math.max(timeline.positionOf(arrivalNanos, clockRate), written);
    anchorTimestamp = extendedTs;
    highestTimestamp = extendedTs;
    highestAudioSeq = extendedSeq;
    anchorUnplaced = true;
    needsAnchor = false;
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

  private void countUnwritten(int type) {
    if (type != COMFORT_NOISE_PAYLOAD_TYPE) {
      discarded++;
    }
  }

  private void writeAudio(byte[] payload, int offset, int length) {
    if (length > 0) {
      sink.write(payload, offset, length);
      written += length / bytesPerSample;
    }
  }

  private void writeSilence(long samples) {
    sink.writeSilence(samples);
    written += samples;
    silence += samples;
  }
}
