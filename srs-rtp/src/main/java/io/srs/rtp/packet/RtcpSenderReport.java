package io.srs.rtp.packet;

import io.netty.buffer.ByteBuf;

/**
 * The sender info of an RTCP sender report (RFC 3550 §6.4.1): which NTP wall-clock instant an RTP
 * timestamp of the source corresponds to. Found by {@link #find} in a compound RTCP packet.
 *
 * <pre>
 * RFC 3550 §6.4.1:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=SR=200   |             length            |  bytes 0..3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         SSRC of sender                        |  bytes 4..7
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |              NTP timestamp, most significant word             |  bytes 8..11
 * |             NTP timestamp, least significant word             |  bytes 12..15
 * |                         RTP timestamp                         |  bytes 16..19
 * |                     sender's packet count                     |  bytes 20..23
 * |                      sender's octet count                     |  bytes 24..27
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * RTCP is a few packets per stream every few seconds (RFC 3550 §6.2), not the hot path: a found
 * report is returned as a value.
 *
 * @param ssrc the sender's SSRC, unsigned
 * @param ntpSeconds seconds since 1900-01-01 (the NTP timestamp's most significant word)
 * @param ntpFraction the fraction of a second in units of 2^-32
 * @param rtpTimestamp the RTP timestamp of the same instant, unsigned
 * @param packetCount RTP packets sent since the source started
 * @param octetCount payload octets sent since the source started
 */
public record RtcpSenderReport(
    long ssrc,
    long ntpSeconds,
    long ntpFraction,
    long rtpTimestamp,
    long packetCount,
    long octetCount) {

  /** RTCP packet type SR (RFC 3550 §12.1). */
  public static final int PT_SENDER_REPORT = 200;

  /** The common header (V, P, RC, PT, length): bytes 0..3 of every RTCP packet. */
  static final int HEADER_BYTES = 4;

  /** Header, sender SSRC and the 20-byte sender info. */
  static final int SENDER_REPORT_BYTES = 28;

  /** Packets walked in one compound packet before giving up (a typical one holds 2 or 3). */
  public static final int MAX_COMPOUND_PACKETS = 16;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Byte 0: version, two most significant bits. */
  static final int B0_VERSION_MASK = 0b1100_0000;

  static final int B0_VERSION_SHIFT = 6;

  /**
   * The first sender report in a compound RTCP packet (RFC 3550 §6.1), or null when there is none
   * or the packet is malformed (a length running past the datagram, a version other than 2). Never
   * throws on network input; never moves the buffer's indices.
   */
  public static RtcpSenderReport find(ByteBuf packet) {
    int at = packet.readerIndex();
    int end = packet.writerIndex();
    for (int n = 0; n < MAX_COMPOUND_PACKETS && end - at >= HEADER_BYTES; n++) {
      int b0 = packet.getUnsignedByte(at);
      if ((b0 & B0_VERSION_MASK) >>> B0_VERSION_SHIFT != RtpHeader.VERSION) {
        return null;
      }
      int type = packet.getUnsignedByte(at + 1);
      // RFC 3550 §6.4.1: length in 32-bit words minus one, header included.
      int bytes = 4 * (packet.getUnsignedShort(at + 2) + 1);
      if (bytes > end - at) {
        return null;
      }
      if (type == PT_SENDER_REPORT) {
        if (bytes < SENDER_REPORT_BYTES) {
          return null;
        }
        return new RtcpSenderReport(
            packet.getUnsignedInt(at + 4),
            packet.getUnsignedInt(at + 8),
            packet.getUnsignedInt(at + 12),
            packet.getUnsignedInt(at + 16),
            packet.getUnsignedInt(at + 20),
            packet.getUnsignedInt(at + 24));
      }
      at += bytes;
    }
    return null;
  }

  /** The NTP timestamp in nanoseconds since 1900 (fits a long until the NTP era ends, 2036). */
  public long ntpNanos() {
    return ntpSeconds * NANOS_PER_SECOND + (ntpFraction * NANOS_PER_SECOND >>> 32);
  }
}
