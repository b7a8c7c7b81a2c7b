package io.srs.core.media;

/**
 * How samples are laid out in a stored track. G.711 is kept natively: the bytes on disk are the RTP
 * payload bytes (ITU-T G.711), so a recording is bit-exact with the wire.
 */
public enum AudioEncoding {
  /** ITU-T G.711 mu-law, WAVE_FORMAT_MULAW. Silence is 0xFF (positive zero). */
  MULAW(0x0007, 8, (byte) 0xFF),
  /** ITU-T G.711 A-law, WAVE_FORMAT_ALAW. Silence is 0xD5 (zero after the even-bit inversion). */
  ALAW(0x0006, 8, (byte) 0xD5),
  /** Linear PCM, signed 16-bit little endian, WAVE_FORMAT_PCM. Silence is 0x0000. */
  PCM16(0x0001, 16, (byte) 0x00);

  private final int wavFormatTag;
  private final int bitsPerSample;
  private final byte silenceByte;

  AudioEncoding(int wavFormatTag, int bitsPerSample, byte silenceByte) {
    this.wavFormatTag = wavFormatTag;
    this.bitsPerSample = bitsPerSample;
    this.silenceByte = silenceByte;
  }

  /** The {@code wFormatTag} of the WAVE {@code fmt } chunk. */
  public int wavFormatTag() {
    return wavFormatTag;
  }

  public int bitsPerSample() {
    return bitsPerSample;
  }

  public int bytesPerSample() {
    return bitsPerSample / 8;
  }

  /** The byte that, repeated, encodes digital silence in this encoding. */
  public byte silenceByte() {
    return silenceByte;
  }
}
