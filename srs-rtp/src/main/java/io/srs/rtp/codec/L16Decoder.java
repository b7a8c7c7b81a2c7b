package io.srs.rtp.codec;

/**
 * RFC 3551 §4.5.11 L16: signed 16-bit samples in network (big-endian) byte order. Stored as
 * little-endian PCM16, so decoding is a byte swap per sample. Mono only (the codec refuses other
 * channel counts at negotiation); a trailing odd byte is not a sample and is dropped.
 */
public final class L16Decoder implements PayloadDecoder {

  @Override
  public int maxOutputBytes(int payloadLength) {
    return payloadLength;
  }

  @Override
  public int decode(byte[] payload, int offset, int length, byte[] out, int outOffset) {
    int whole = length & ~1;
    for (int i = 0; i < whole; i += 2) {
      out[outOffset + i] = payload[offset + i + 1];
      out[outOffset + i + 1] = payload[offset + i];
    }
    return whole;
  }

  @Override
  public int samplesIn(int payloadLength) {
    return payloadLength / 2;
  }

  @Override
  public void reset() {}
}
