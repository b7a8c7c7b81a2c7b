package io.srs.rtp.timeline;

import io.srs.core.port.GapCause;

/**
 * Says why the silence before a packet's audio is there, and writes it to the {@link TrackOutput}
 * split by cause: first the span of packets declared lost ({@code LOSS}: their count times the last
 * packet's length), then the rest as {@code DTX} — or, before a segment's first audio, as the
 * segment's cause ({@code LEAD_IN} before the track's first audio, {@code REANCHOR} after) — and
 * last the {@code REANCHOR} silence a sender-report correction inserted. So LOSS gaps account for
 * every lost packet of a known length, also when a new segment follows the loss. Confined to the
 * session's event loop; allocates nothing.
 */
final class GapAccounting {
  private final TrackOutput out;
  private GapCause segmentCause;
  private long lostSinceAudio;
  private long lastAudioSamples;
  private long reanchorSamples;

  GapAccounting(TrackOutput out) {
    this.out = out;
  }

  /** A segment ended: silence before the next audio is the lead-in, or a re-anchoring. */
  void segmentEnded() {
    segmentCause = out.audio() > 0 ? GapCause.REANCHOR : GapCause.LEAD_IN;
  }

  /** A segment begins: unless one ended just before, silence before it is that of a new one. */
  void segmentBegins() {
    if (segmentCause == null) {
      segmentEnded();
    }
  }

  /** A packet is missing (declared lost, or undecodable): its span is LOSS. */
  void lost() {
    lostSinceAudio++;
  }

  /** Whether packets went missing since the last audio written: stateful decoders restart. */
  boolean lossSinceAudio() {
    return lostSinceAudio > 0;
  }

  /** A sender-report correction moved the next packet {@code samples} later. */
  void shifted(long samples) {
    reanchorSamples = samples;
  }

  /** Writes {@code samples} of silence before the next audio, split by cause. */
  void fill(long samples) {
    long reanchor = Math.min(reanchorSamples, samples);
    long rest = samples - reanchor;
    if (lostSinceAudio > 0 && (lastAudioSamples > 0 || segmentCause == null)) {
      long loss = lastAudioSamples > 0 ? Math.min(rest, lostSinceAudio * lastAudioSamples) : rest;
      out.gap(loss, GapCause.LOSS);
      rest -= loss;
    }
    out.gap(rest, segmentCause != null ? segmentCause : GapCause.DTX);
    out.gap(reanchor, GapCause.REANCHOR);
  }

  /** A packet's {@code samples} of audio were written: the next silence starts afresh. */
  void audioWritten(int samples) {
    lostSinceAudio = 0;
    lastAudioSamples = samples;
    segmentCause = null;
    reanchorSamples = 0;
  }
}
