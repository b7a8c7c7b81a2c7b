package io.srs.rtp.codec;

/**
 * Turns one RTP payload into the samples a track stores. One instance per stream and payload type:
 * stateful codecs (G.722's ADPCM predictors, Opus) keep their state here. Called only on the
 * stream's event loop; must not allocate per call.
 */
public interface PayloadDecoder {

  /** The most bytes {@link #decode} may write for a payload of {@code payloadLength} bytes. */
  int maxOutputBytes(int payloadLength);

  /**
   * Decodes one payload.
   *
   * @return bytes written to {@code out} (a whole number of stored samples), or -1 when the payload
   *     cannot be decoded (it is then counted as discarded and its span becomes silence)
   */
  int decode(byte[] payload, int offset, int length, byte[] out, int outOffset);

  /**
   * How many stored samples a payload of {@code payloadLength} bytes covers, without decoding; -1
   * when only decoding tells (Opus frames vary). The placer uses RTP timestamps for placement and
   * this only to detect overlap.
   */
  int samplesIn(int payloadLength);

  /** Forgets codec state after a discontinuity (loss burst, SSRC change): ADPCM restarts clean. */
  void reset();

  /**
   * Fills a gap of {@code samples} stored samples from the codec's own loss concealment, where it
   * has one (Opus, RFC 6716 §4.4).
   *
   * @return bytes written (at most {@code 2 * samples}: concealment always makes PCM16), or -1 when
   *     the codec conceals nothing and the gap stays silence
   */
  default int conceal(int samples, byte[] out, int outOffset) {
    return -1;
  }
}
