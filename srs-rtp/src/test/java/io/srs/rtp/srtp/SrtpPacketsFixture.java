package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;
import java.nio.ByteBuffer;
import java.util.Random;

/** Keys and plain packets for the behaviour tests. */
final class SrtpPacketsFixture {
  private SrtpPacketsFixture() {}

  static final long SSRC = 0x1234_5678L;

  /** Room for any trailer: 16-byte tag, 4-byte index, 4-byte MKI. */
  static final int ROOM = 32;

  static SrtpKeys keys(SrtpSuite suite, long seed) {
    Random random = new Random(seed);
    byte[] key = new byte[suite.masterKeyBytes()];
    byte[] salt = new byte[suite.masterSaltBytes()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return SrtpKeys.of(suite, key, salt);
  }

  static SrtpKeys withMki(SrtpKeys keys, int length, long value) {
    return new SrtpKeys(
        keys.suite(), keys.masterKey(), keys.masterSalt(), length, value, true, true, true);
  }

  /** A G.711 packet: 12-byte header, 160 bytes of payload derived from {@code seq}. */
  static byte[] rtp(int seq, long ssrc) {
    ByteBuffer packet = ByteBuffer.allocate(12 + 160 + ROOM);
    packet
        .put((byte) 0x80)
        .put((byte) 0)
        .putShort((short) seq)
        .putInt(seq * 160)
        .putInt((int) ssrc);
    for (int i = 0; i < 160; i++) {
      packet.put((byte) (seq * 31 + i));
    }
    return packet.array();
  }

  static final int RTP_LENGTH = 12 + 160;

  /** A sender report with no report blocks (RFC 3550 §6.4.1), 28 bytes. */
  static byte[] rtcp(long ssrc, int rtpTimestamp) {
    ByteBuffer packet = ByteBuffer.allocate(28 + ROOM);
    packet.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc);
    packet.putInt(0xE000_0000).putInt(0x8000_0000).putInt(rtpTimestamp).putInt(7).putInt(1120);
    return packet.array();
  }

  static final int RTCP_LENGTH = 28;
}
