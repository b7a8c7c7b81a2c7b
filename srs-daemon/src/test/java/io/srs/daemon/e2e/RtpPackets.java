package io.srs.daemon.e2e;

import java.nio.ByteBuffer;

/** Builds RTP packets (RFC 3550 §5.1) for tests: version 2, no padding, extension or CSRC. */
final class RtpPackets {
  private RtpPackets() {}

  static byte[] packet(int payloadType, int sequence, long timestamp, int ssrc, byte[] payload) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
    packet.put((byte) 0x80); // V=2, P=0, X=0, CC=0
    packet.put((byte) (payloadType & 0x7F)); // M=0, PT
    packet.putShort((short) sequence);
    packet.putInt((int) timestamp);
    packet.putInt(ssrc);
    packet.put(payload);
    return packet.array();
  }
}
