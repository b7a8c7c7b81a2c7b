package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;

/**
 * The sending side of SRTP and SRTCP for one source (RFC 3711 §3.3 and §3.4, RFC 7714): what the
 * {@code simulate} client and the tests send with. It encrypts in place and appends the trailer, so
 * the array needs {@link #rtpTrailerBytes()} or {@link #rtcpTrailerBytes()} bytes of room after the
 * packet. The rollover counter follows the sequence numbers given (a wrap 65535 → 0 counts one);
 * the SRTCP index starts at 0 and counts up (RFC 3711 §3.3.2). Not on the receive path: a packet
 * without room is a programming error and throws.
 */
public final class SrtpProtector {
  private final SrtpTransform rtp;
  private final SrtpTransform rtcp;
  private final RolloverCounter counter = new RolloverCounter();
  private long ssrc = -1;
  private long srtcpIndex;

  public SrtpProtector(SrtpKeys keys) {
    this.rtp = SrtpTransform.create(keys, false);
    this.rtcp = SrtpTransform.create(keys, true);
  }

  /** Bytes SRTP adds after an RTP packet: MKI and tag. */
  public int rtpTrailerBytes() {
    return rtp.rtpTrailerBytes();
  }

  /** Bytes SRTCP adds after an RTCP packet: E + index, MKI and tag. */
  public int rtcpTrailerBytes() {
    return rtcp.rtcpTrailerBytes();
  }

  /** Protects the RTP packet in place; returns the SRTP packet's length. */
  public int protectRtp(byte[] packet, int offset, int length) {
    int headerLength = SrtpPackets.rtpHeaderLength(packet, offset, length);
    if (headerLength < 0) {
      throw new IllegalArgumentException("not an RTP packet: header runs past " + length);
    }
    requireRoom(packet, offset, length, rtp.rtpTrailerBytes());
    long source = SrtpPackets.readUnsignedInt(packet, offset + SrtpPackets.RTP_SSRC_OFFSET);
    if (source != ssrc) {
      ssrc = source; // a new source starts its own index at ROC 0
      counter.set(0, -1);
    }
    int seq = SrtpPackets.readUnsignedShort(packet, offset + SrtpPackets.RTP_SEQUENCE_OFFSET);
    long index = counter.estimate(seq);
    if (index < 0) {
      index = seq; // before our first packet across a wrap: cannot happen for a real sender
    }
    counter.update(index);
    return rtp.protectRtp(packet, offset, length, headerLength, source, index);
  }

  /** Protects the compound RTCP packet in place; returns the SRTCP packet's length. */
  public int protectRtcp(byte[] packet, int offset, int length) {
    if (length < SrtpPackets.RTCP_CLEAR_HEADER_BYTES) {
      throw new IllegalArgumentException("not an RTCP packet: " + length + " bytes");
    }
    requireRoom(packet, offset, length, rtcp.rtcpTrailerBytes());
    long source = SrtpPackets.readUnsignedInt(packet, offset + SrtpPackets.RTCP_SSRC_OFFSET);
    long index = srtcpIndex;
    srtcpIndex = (srtcpIndex + 1) & SrtpPackets.SRTCP_INDEX_MASK;
    return rtcp.protectRtcp(packet, offset, length, source, index);
  }

  /** The rollover counter of the current source. */
  public long roc() {
    return counter.roc();
  }

  /** Starts the SRTCP index elsewhere (libsrtp's first packet carries index 1). */
  void setSrtcpIndex(long index) {
    srtcpIndex = index & SrtpPackets.SRTCP_INDEX_MASK;
  }

  /** Continues a source's index, as a sender that has already sent {@code roc} wraps would. */
  void setRolloverCounter(long ssrc, long roc, int highestSequence) {
    this.ssrc = ssrc;
    counter.set(roc, highestSequence);
  }

  public void wipe() {
    rtp.wipe();
    rtcp.wipe();
  }

  private static void requireRoom(byte[] packet, int offset, int length, int trailer) {
    if (packet.length - offset - length < trailer) {
      throw new IllegalArgumentException(
          "no room for the " + trailer + "-byte SRTP trailer after " + length + " bytes");
    }
  }
}
