package io.srs.rtp.timeline;

import io.srs.rtp.codec.PayloadDecoder;

/**
 * Decodes released payloads through their format's {@link PayloadDecoder} into one preallocated
 * buffer. A stateful codec (G.722's ADPCM predictors, Opus) restarts clean after a payload-type
 * switch, a new segment or a loss: its state belongs to audio that no longer precedes the payload.
 * Confined to the session's event loop; allocates nothing.
 */
final class TrackDecoder {
  private final TrackFormats formats;
  private final int bytesPerSample;
  private final byte[] decoded;
  private int lastKind = -1;
  private boolean discontinuity = true;

  TrackDecoder(TrackFormats formats, int maxPayloadBytes) {
    this.formats = formats;
    this.bytesPerSample = formats.storedEncoding().bytesPerSample();
    this.decoded = new byte[formats.maxOutputBytes(maxPayloadBytes)];
  }

  /** A new segment begins: its first payload does not continue the last one. */
  void discontinuity() {
    discontinuity = true;
  }

  /**
   * Decodes one audio payload into {@link #decoded()}.
   *
   * @param kind its format index in {@link TrackFormats}
   * @param lossBefore whether packets went missing since the last audio written
   * @return stored samples decoded, or -1 when the payload cannot be decoded
   */
  int decode(int kind, byte[] payload, int length, boolean lossBefore) {
    PayloadDecoder decoder = formats.decoder(kind);
    if (kind != lastKind || discontinuity || lossBefore) {
      decoder.reset();
    }
    lastKind = kind;
    discontinuity = false;
    int bytes = decoder.decode(payload, 0, length, decoded, 0);
    return bytes < 0 ? -1 : bytes / bytesPerSample;
  }

  /** The samples of the last {@link #decode}, from index 0. */
  byte[] decoded() {
    return decoded;
  }
}
