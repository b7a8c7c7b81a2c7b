package io.srs.rtp.timeline;

import io.srs.core.port.GapCause;
import io.srs.core.port.TrackSink;

/**
 * The write side of one track: appends decoded audio, masked audio and gaps to the {@link
 * TrackSink}, keeps the track's position, and logs every gap with its cause in the {@link
 * TimelineLog}. Confined to the session's event loop; allocates nothing.
 */
final class TrackOutput {
  private final TrackSink sink;
  private final TimelineLog log;
  private final int bytesPerSample;
  private long written;
  private long silence;
  private long audio;
  private long masked;

  TrackOutput(TrackSink sink, TimelineLog log, int bytesPerSample) {
    this.sink = sink;
    this.log = log;
    this.bytesPerSample = bytesPerSample;
  }

  /** Appends decoded samples [from, to) of {@code decoded}. */
  void audio(byte[] decoded, int from, int to) {
    if (to > from) {
      sink.write(decoded, from * bytesPerSample, (to - from) * bytesPerSample);
      written += to - from;
      audio += to - from;
    }
  }

  /** Appends {@code samples} of silence in place of received audio (DTMF masking): not a gap. */
  void masked(long samples) {
    if (samples > 0) {
      sink.writeSilence(samples);
      written += samples;
      masked += samples;
    }
  }

  /** Appends {@code samples} of silence we fill in, and records it as a gap of {@code cause}. */
  void gap(long samples, GapCause cause) {
    if (samples > 0) {
      log.gap(written, samples, cause);
      sink.writeSilence(samples);
      written += samples;
      silence += samples;
    }
  }

  /** The track's position: samples written, silence included. */
  long written() {
    return written;
  }

  /** Of which gaps. */
  long silence() {
    return silence;
  }

  /** Of which received audio. */
  long audio() {
    return audio;
  }

  /** Of which audio masked under DTMF events. */
  long masked() {
    return masked;
  }
}
