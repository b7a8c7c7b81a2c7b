package io.srs.core.port;

/**
 * Where the media side writes one track's samples, already placed on the session timeline. The
 * storage side implements it.
 *
 * <p>Threading: {@link #write} and {@link #writeSilence} are called from one media thread only (the
 * stream's event loop), never concurrently, and must neither block on fsync nor allocate per call.
 * {@link #samplesWritten} may be read from that thread only. Closing and hashing belong to the
 * {@link RecordingHandle}, off the media thread, after the last write has happened-before.
 */
public interface TrackSink {

  /**
   * Appends encoded samples exactly as they are stored (for G.711 the RTP payload bytes).
   *
   * @param length a whole number of samples' bytes
   */
  void write(byte[] source, int offset, int length);

  /** Appends {@code samples} samples of digital silence in the track's encoding. */
  void writeSilence(long samples);

  /** Samples appended so far, silence included: the track's position on the timeline. */
  long samplesWritten();
}
