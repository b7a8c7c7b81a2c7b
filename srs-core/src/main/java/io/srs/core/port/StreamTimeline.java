package io.srs.core.port;

import java.time.Instant;
import java.util.List;

/**
 * What happened on one stream's timeline: every gap with its cause, every SSRC change, every DTMF
 * event, every move of the media to a new source address. Offsets are in samples of the track's
 * {@code sampleRate} from the recording's start.
 */
public record StreamTimeline(
    int streamIndex,
    int sampleRate,
    List<Gap> gaps,
    List<SsrcChange> ssrcChanges,
    List<DtmfEvent> dtmf,
    List<SourceChange> sourceChanges) {

  public StreamTimeline {
    gaps = List.copyOf(gaps);
    ssrcChanges = List.copyOf(ssrcChanges);
    dtmf = List.copyOf(dtmf);
    sourceChanges = List.copyOf(sourceChanges);
  }

  public static StreamTimeline empty(int streamIndex, int sampleRate) {
    return new StreamTimeline(streamIndex, sampleRate, List.of(), List.of(), List.of(), List.of());
  }

  /** Silence we wrote: from {@code offset} for {@code length} samples. */
  public record Gap(long offset, long length, GapCause cause) {}

  /**
   * The stream's source changed (a transfer, an SBC re-anchoring media).
   *
   * @param offset where the new source's first sample went
   * @param previousSsrc the old SSRC (unsigned 32-bit in a long)
   * @param ssrc the new SSRC
   * @param at when its first packet arrived
   */
  public record SsrcChange(long offset, long previousSsrc, long ssrc, Instant at) {}

  /**
   * The stream was re-latched: its media now comes from another address (an SBC failover, a move to
   * another port of its media pool). Packets from the new address before this were dropped.
   *
   * @param offset where the new source's first packet went on the track (by its arrival)
   * @param previousSource the old address, {@code ip:port}
   * @param source the new address, {@code ip:port}
   * @param at when the packet that completed the take-over arrived
   */
  public record SourceChange(long offset, String previousSource, String source, Instant at) {}

  /**
   * An RFC 4733 telephone-event.
   *
   * @param event the event code (0-9, 10 = *, 11 = #, 12-15 = A-D, RFC 4733 §3.2)
   * @param offset where the event started on the track
   * @param length its duration in samples
   * @param masked true when the audio under it was silenced (PCI masking)
   */
  public record DtmfEvent(int event, long offset, long length, boolean masked) {
    /** The event as a keypad character, or {@code ?} for non-DTMF events. */
    public char digit() {
      return event >= 0 && event < 16 ? "0123456789*#ABCD".charAt(event) : '?';
    }
  }
}
