package io.srs.core.media;

/**
 * The static RTP/AVP payload types of RFC 3551 §6, Table 4, for offers that omit {@code a=rtpmap}.
 * Only audio types are listed: we record audio.
 */
public final class StaticPayloadTypes {
  private StaticPayloadTypes() {}

  /** The largest payload type (RFC 3550 §5.1: PT is 7 bits). */
  public static final int MAX_PAYLOAD_TYPE = 127;

  /**
   * Returns the format a static payload type denotes, or a format with a null encoding name when
   * the type is dynamic or unassigned.
   */
  public static OfferedFormat lookup(int payloadType) {
    return switch (payloadType) {
      case 0 -> new OfferedFormat(0, "PCMU", 8000, 1, null);
      case 3 -> new OfferedFormat(3, "GSM", 8000, 1, null);
      case 4 -> new OfferedFormat(4, "G723", 8000, 1, null);
      case 5 -> new OfferedFormat(5, "DVI4", 8000, 1, null);
      case 6 -> new OfferedFormat(6, "DVI4", 16000, 1, null);
      case 7 -> new OfferedFormat(7, "LPC", 8000, 1, null);
      case 8 -> new OfferedFormat(8, "PCMA", 8000, 1, null);
      // RFC 3551 §4.5.2: G722's RTP clock is 8000 although it samples at 16 kHz.
      case 9 -> new OfferedFormat(9, "G722", 8000, 1, null);
      case 10 -> new OfferedFormat(10, "L16", 44100, 2, null);
      case 11 -> new OfferedFormat(11, "L16", 44100, 1, null);
      case 12 -> new OfferedFormat(12, "QCELP", 8000, 1, null);
      case 13 -> new OfferedFormat(13, "CN", 8000, 1, null);
      case 14 -> new OfferedFormat(14, "MPA", 90000, 1, null);
      case 15 -> new OfferedFormat(15, "G728", 8000, 1, null);
      case 16 -> new OfferedFormat(16, "DVI4", 11025, 1, null);
      case 17 -> new OfferedFormat(17, "DVI4", 22050, 1, null);
      case 18 -> new OfferedFormat(18, "G729", 8000, 1, null);
      default -> new OfferedFormat(payloadType, null, 0, 1, null);
    };
  }
}
