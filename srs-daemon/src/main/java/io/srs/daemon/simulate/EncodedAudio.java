package io.srs.daemon.simulate;

import io.srs.rtp.codec.G722Encoder;

/**
 * A stream's payload, encoded once and looped: {@link SimCodec#PAYLOAD_BYTES} per 20 ms packet.
 * Immutable after construction and shared by every call, so sending allocates nothing.
 */
public final class EncodedAudio {
  private final byte[] payload;

  private EncodedAudio(byte[] payload) {
    this.payload = payload;
  }

  /** Encodes {@code pcm} (at the codec's sample rate), padded to whole packets with silence. */
  public static EncodedAudio encode(short[] pcm, SimCodec codec) {
    int perPacket = codec.samplesPerPacket();
    int packets = Math.max(1, (pcm.length + perPacket - 1) / perPacket);
    short[] padded = new short[packets * perPacket];
    System.arraycopy(pcm, 0, padded, 0, pcm.length);
    byte[] payload = new byte[packets * SimCodec.PAYLOAD_BYTES];
    if (codec == SimCodec.G722) {
      new G722Encoder().encode(padded, 0, padded.length, payload, 0);
    } else {
      G711Encoder.encode(codec, padded, 0, padded.length, payload, 0);
    }
    return new EncodedAudio(payload);
  }

  public int packets() {
    return payload.length / SimCodec.PAYLOAD_BYTES;
  }

  /** Copies packet {@code n} (looping) into {@code out} at {@code offset}. */
  public void copyPacket(long n, byte[] out, int offset) {
    int start = (int) (n % packets()) * SimCodec.PAYLOAD_BYTES;
    System.arraycopy(payload, start, out, offset, SimCodec.PAYLOAD_BYTES);
  }
}
