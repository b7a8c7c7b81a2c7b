package io.srs.rtp.srtp;

/**
 * Stateless big-endian accessors over packets held in {@code byte[]}, and the RTP header length
 * SRTP needs before it can find the payload. Nothing here allocates.
 */
final class SrtpPackets {
  private SrtpPackets() {}

  /** The fixed RTP header (RFC 3550 §5.1). */
  static final int RTP_FIXED_HEADER_BYTES = 12;

  /** The first RTCP header plus the sender's SSRC: SRTCP never encrypts these (RFC 3711 §3.4). */
  static final int RTCP_CLEAR_HEADER_BYTES = 8;

  /** E flag and 31-bit SRTCP index, in one word after the encrypted portion (RFC 3711 §3.4). */
  static final int SRTCP_INDEX_BYTES = 4;

  /** The E flag: the most significant bit of the SRTCP index word. */
  static final int SRTCP_E_FLAG = 0x8000_0000;

  /** The SRTCP index is 31 bits (RFC 3711 §3.4). */
  static final long SRTCP_INDEX_MASK = 0x7FFF_FFFFL;

  static final int RTP_SEQUENCE_OFFSET = 2;
  static final int RTP_SSRC_OFFSET = 8;
  static final int RTCP_SSRC_OFFSET = 4;

  /** Byte 0: the CSRC count, four least significant bits (RFC 3550 §5.1). */
  private static final int B0_CSRC_COUNT_MASK = 0b0000_1111;

  /** Byte 0: the header extension flag (RFC 3550 §5.3.1). */
  private static final int B0_EXTENSION = 0b0001_0000;

  /**
   * The length of the RTP header, CSRCs and header extension included: where SRTP's encrypted
   * portion starts (RFC 3711 §3.1). -1 when the header runs past {@code length}.
   */
  static int rtpHeaderLength(byte[] packet, int offset, int length) {
    if (length < RTP_FIXED_HEADER_BYTES) {
      return -1;
    }
    int b0 = packet[offset] & 0xFF;
    int header = RTP_FIXED_HEADER_BYTES + 4 * (b0 & B0_CSRC_COUNT_MASK);
    if ((b0 & B0_EXTENSION) != 0) {
      if (length < header + 4) {
        return -1;
      }
      header += 4 + 4 * readUnsignedShort(packet, offset + header + 2);
    }
    return header <= length ? header : -1;
  }

  static int readUnsignedShort(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | b[at + 3] & 0xFF;
  }

  static long readUnsignedInt(byte[] b, int at) {
    return readInt(b, at) & 0xFFFF_FFFFL;
  }

  static void writeInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  /**
   * Compares {@code length} bytes in time that does not depend on where they differ, so a forger
   * learns nothing about the tag from our timing.
   */
  static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |= a[aOffset + i] ^ b[bOffset + i];
    }
    return difference == 0;
  }
}
