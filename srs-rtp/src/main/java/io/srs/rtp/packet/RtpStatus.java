package io.srs.rtp.packet;

/** What {@link RtpHeader#validate} found: a packet is either usable RTP or one named defect. */
public enum RtpStatus {
  /** A well-formed RTP packet (RFC 3550 §5.1): accessors may be used. */
  VALID,
  /** Shorter than the fixed header, or than the CSRC list its CC field announces. */
  TOO_SHORT,
  /** The version field is not 2 (RFC 3550 §5.1). */
  BAD_VERSION,
  /** The header extension (RFC 3550 §5.3.1) runs past the end of the packet. */
  BAD_EXTENSION,
  /** The padding count (RFC 3550 §5.1) is zero or longer than the room after the header. */
  BAD_PADDING,
  /** An RTCP packet multiplexed on the RTP port (RFC 5761 §4): not media. */
  RTCP_MUXED
}
