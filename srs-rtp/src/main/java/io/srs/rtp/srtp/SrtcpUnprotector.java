package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;

/**
 * The receiving side of SRTCP for one stream's sender (RFC 3711 §3.4; AEAD: RFC 7714 §9). The index
 * travels in every packet (31 bits, with the E flag saying whether the packet is encrypted), so
 * there is no rollover counter to estimate; SRTCP has its own session keys and its own replay list
 * per source. Same shape as {@link SrtpUnprotector}: in place, no allocation, a status instead of
 * an exception, state changed only for a packet that authenticated.
 */
public final class SrtcpUnprotector {
  private final SrtpTransform transform;
  private final SourceTable sources = new SourceTable();
  private int length;

  public SrtcpUnprotector(SrtpKeys keys) {
    this.transform = SrtpTransform.create(keys, true);
  }

  /**
   * Unprotects the SRTCP packet of {@code length} bytes at {@code offset}. On {@link SrtpStatus#OK}
   * the compound RTCP packet is the first {@link #length()} bytes at {@code offset}.
   */
  public SrtpStatus unprotect(byte[] packet, int offset, int length) {
    if (length < SrtpPackets.RTCP_CLEAR_HEADER_BYTES + transform.rtcpTrailerBytes()) {
      return SrtpStatus.TOO_SHORT;
    }
    int end = offset + length;
    if (!transform.mkiMatches(packet, transform.rtcpMkiAt(end))) {
      return SrtpStatus.MKI_MISMATCH;
    }
    long ssrc = SrtpPackets.readUnsignedInt(packet, offset + SrtpPackets.RTCP_SSRC_OFFSET);
    int indexWord = SrtpPackets.readInt(packet, transform.rtcpIndexAt(end));
    long index = indexWord & SrtpPackets.SRTCP_INDEX_MASK;
    SourceState source = sources.find(ssrc);
    if (source != null && !source.replay.accepts(index)) {
      return SrtpStatus.REPLAY_FAIL;
    }
    if (!transform.unprotectRtcp(packet, offset, length, ssrc, indexWord)) {
      return SrtpStatus.AUTH_FAIL;
    }
    if (source == null) {
      source = sources.claim(ssrc);
    }
    source.commit(index, false);
    this.length = length - transform.rtcpTrailerBytes();
    return SrtpStatus.OK;
  }

  /** The RTCP packet's length after the last {@link SrtpStatus#OK}. */
  public int length() {
    return length;
  }

  /** Overwrites the session keys held in our own arrays; the context is unusable afterwards. */
  public void wipe() {
    transform.wipe();
  }
}
