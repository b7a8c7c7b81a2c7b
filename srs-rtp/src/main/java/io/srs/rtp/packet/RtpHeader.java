package io.srs.rtp.packet;

import io.netty.buffer.ByteBuf;

/**
 * Stateless accessors over an RTP packet held in a {@link ByteBuf} from its reader index to its
 * writer index. Nothing is allocated and the buffer's indices are never moved. Call {@link
 * #validate} first; the other accessors assume a {@link RtpStatus#VALID} packet.
 *
 * <pre>
 * RFC 3550 §5.1:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |  bytes 0..3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |  bytes 4..7
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |  bytes 8..11
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |  CC x 4 bytes
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |  if X (RFC 3550 §5.3.1)
 * |                        header extension                       |  length x 4 bytes
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            payload                            |
 * |                               +-------------------------------+
 * |                               | padding ...     | pad count   |  if P: last octet = count
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class RtpHeader {
  private RtpHeader() {}

  /** The only RTP version (RFC 3550 §5.1). */
  public static final int VERSION = 2;

  /** Byte 0: version, two most significant bits. */
  static final int B0_VERSION_MASK = 0b1100_0000;

  static final int B0_VERSION_SHIFT = 6;

  /** Byte 0: padding flag. */
  static final int B0_PADDING = 0b0010_0000;

  /** Byte 0: header extension flag. */
  static final int B0_EXTENSION = 0b0001_0000;

  /** Byte 0: CSRC count, four least significant bits. */
  static final int B0_CSRC_COUNT_MASK = 0b0000_1111;

  /** Byte 1: marker bit. */
  static final int B1_MARKER = 0b1000_0000;

  /** Byte 1: payload type, seven least significant bits. */
  static final int B1_PAYLOAD_TYPE_MASK = 0b0111_1111;

  /**
   * Byte 1 values that mark RTCP on a muxed port (RFC 5761 §4): RTCP packet types 192..223 (FIR ..
   * APP range) collide with RTP payload types 64..95 with the marker set, which is why those types
   * must not be used with rtcp-mux.
   */
  static final int B1_RTCP_LOW = 192;

  static final int B1_RTCP_HIGH = 223;

  static final int SEQUENCE_OFFSET = 2;
  static final int TIMESTAMP_OFFSET = 4;
  static final int SSRC_OFFSET = 8;

  /** The fixed header: bytes 0..11. */
  public static final int FIXED_HEADER_BYTES = 12;

  static final int CSRC_BYTES = 4;

  /** The extension's "defined by profile" and "length" fields (RFC 3550 §5.3.1). */
  static final int EXTENSION_HEADER_BYTES = 4;

  static final int EXTENSION_LENGTH_OFFSET = 2;

  /** Checks the packet's structure; never throws on network input. */
  public static RtpStatus validate(ByteBuf packet) {
    int start = packet.readerIndex();
    int length = packet.readableBytes();
    if (length < 2) {
      return RtpStatus.TOO_SHORT;
    }
    int b0 = packet.getUnsignedByte(start);
    if ((b0 & B0_VERSION_MASK) >>> B0_VERSION_SHIFT != VERSION) {
      return RtpStatus.BAD_VERSION;
    }
    int b1 = packet.getUnsignedByte(start + 1);
    if (b1 >= B1_RTCP_LOW && b1 <= B1_RTCP_HIGH) {
      return RtpStatus.RTCP_MUXED;
    }
    int headerEnd = FIXED_HEADER_BYTES + CSRC_BYTES * (b0 & B0_CSRC_COUNT_MASK);
    if (length < headerEnd) {
      return RtpStatus.TOO_SHORT;
    }
    if ((b0 & B0_EXTENSION) != 0) {
      if (length < headerEnd + EXTENSION_HEADER_BYTES) {
        return RtpStatus.BAD_EXTENSION;
      }
      int words = packet.getUnsignedShort(start + headerEnd + EXTENSION_LENGTH_OFFSET);
      headerEnd += EXTENSION_HEADER_BYTES + 4 * words;
      if (length < headerEnd) {
        return RtpStatus.BAD_EXTENSION;
      }
    }
    if ((b0 & B0_PADDING) != 0) {
      // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
      if (length == headerEnd) {
        return RtpStatus.BAD_PADDING;
      }
      int padding = packet.getUnsignedByte(start + length - 1);
      if (padding == 0 || padding > length - headerEnd) {
        return RtpStatus.BAD_PADDING;
      }
    }
    return RtpStatus.VALID;
  }

  public static int version(ByteBuf packet) {
    return (packet.getUnsignedByte(packet.readerIndex()) & B0_VERSION_MASK) >>> B0_VERSION_SHIFT;
  }

  public static boolean padding(ByteBuf packet) {
    return (packet.getUnsignedByte(packet.readerIndex()) & B0_PADDING) != 0;
  }

  public static boolean extension(ByteBuf packet) {
    return (packet.getUnsignedByte(packet.readerIndex()) & B0_EXTENSION) != 0;
  }

  public static int csrcCount(ByteBuf packet) {
    return packet.getUnsignedByte(packet.readerIndex()) & B0_CSRC_COUNT_MASK;
  }

  public static boolean marker(ByteBuf packet) {
    return (packet.getUnsignedByte(packet.readerIndex() + 1) & B1_MARKER) != 0;
  }

  public static int payloadType(ByteBuf packet) {
    return packet.getUnsignedByte(packet.readerIndex() + 1) & B1_PAYLOAD_TYPE_MASK;
  }

  /** The 16-bit sequence number, 0..65535. */
  public static int sequence(ByteBuf packet) {
    return packet.getUnsignedShort(packet.readerIndex() + SEQUENCE_OFFSET);
  }

  /** The 32-bit timestamp as an unsigned value. */
  public static long timestamp(ByteBuf packet) {
    return packet.getUnsignedInt(packet.readerIndex() + TIMESTAMP_OFFSET);
  }

  /** The 32-bit SSRC as an unsigned value. */
  public static long ssrc(ByteBuf packet) {
    return packet.getUnsignedInt(packet.readerIndex() + SSRC_OFFSET);
  }

  /** The CSRC at {@code position} (0-based) as an unsigned value. */
  public static long csrc(ByteBuf packet, int position) {
    return packet.getUnsignedInt(packet.readerIndex() + FIXED_HEADER_BYTES + CSRC_BYTES * position);
  }

  /** The absolute buffer index where the payload starts (after CSRCs and extension). */
  public static int payloadIndex(ByteBuf packet) {
    int start = packet.readerIndex();
    int b0 = packet.getUnsignedByte(start);
    int offset = FIXED_HEADER_BYTES + CSRC_BYTES * (b0 & B0_CSRC_COUNT_MASK);
    if ((b0 & B0_EXTENSION) != 0) {
      int words = packet.getUnsignedShort(start + offset + EXTENSION_LENGTH_OFFSET);
      offset += EXTENSION_HEADER_BYTES + 4 * words;
    }
    return start + offset;
  }

  /** The payload's length in bytes, padding excluded. */
  public static int payloadLength(ByteBuf packet) {
    int end = packet.writerIndex();
    if (padding(packet)) {
      end -= packet.getUnsignedByte(end - 1);
    }
    return end - payloadIndex(packet);
  }
}
