package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;
import io.srs.core.media.SrtpSuite;

/**
 * The cryptographic transform of one direction's SRTP or SRTCP packets under one master key: the
 * packet layout of its suite family, the cipher, the authentication, and the MKI (RFC 3711 §3.1: it
 * names the master key; we check it, strip it, never use it to pick a key). Callers resolve the
 * packet index and the replay list; a transform only proves and transforms bytes. A failed
 * verification leaves the packet unchanged: the tag is checked before anything is decrypted.
 */
abstract sealed class SrtpTransform permits CounterModeTransform, GcmTransform {

  /** Bytes of MKI after each packet's encrypted portion (AES-CM) or tag (AEAD), 0 for none. */
  final int mkiLength;

  private final byte[] mki;

  SrtpTransform(SrtpKeys keys) {
    this.mkiLength = keys.mkiLength();
    this.mki = new byte[mkiLength];
    for (int i = 0; i < mkiLength; i++) {
      mki[i] = (byte) (keys.mkiValue() >>> (8 * (mkiLength - 1 - i)));
    }
  }

  /** The transform for SRTP ({@code rtcp} false) or SRTCP packets under {@code keys}. */
  static SrtpTransform create(SrtpKeys keys, boolean rtcp) {
    return keys.suite().cipher() == SrtpSuite.SrtpCipher.AES_GCM
        ? new GcmTransform(keys, rtcp)
        : new CounterModeTransform(keys, rtcp);
  }

  // --- SRTP (RFC 3711 §3.1, RFC 7714 §4) ---

  /** Bytes an SRTP packet carries after its payload: tag and MKI. */
  abstract int rtpTrailerBytes();

  /** Where the MKI of the SRTP packet ending at {@code end} starts. */
  abstract int rtpMkiAt(int end);

  /**
   * Verifies and decrypts, in place, the SRTP packet at {@code offset} whose header is {@code
   * headerLength} bytes, for source {@code ssrc} at 48-bit {@code index}. False when the tag does
   * not verify; the packet is then untouched.
   */
  abstract boolean unprotectRtp(
      byte[] packet, int offset, int length, int headerLength, long ssrc, long index);

  /** Encrypts the RTP packet in place and appends MKI and tag; returns the SRTP length. */
  abstract int protectRtp(
      byte[] packet, int offset, int length, int headerLength, long ssrc, long index);

  // --- SRTCP (RFC 3711 §3.4, RFC 7714 §9) ---

  /** Bytes an SRTCP packet carries after the RTCP packet: E flag and index, tag, MKI. */
  abstract int rtcpTrailerBytes();

  /** Where the E || SRTCP index word of the SRTCP packet ending at {@code end} is. */
  abstract int rtcpIndexAt(int end);

  /** Where the MKI of the SRTCP packet ending at {@code end} starts. */
  abstract int rtcpMkiAt(int end);

  /**
   * Verifies and, when the packet's E flag is set, decrypts the SRTCP packet in place. False when
   * the tag does not verify; the packet is then untouched.
   */
  abstract boolean unprotectRtcp(byte[] packet, int offset, int length, long ssrc, int indexWord);

  /**
   * Encrypts the RTCP packet in place (unless UNENCRYPTED_SRTCP) and appends E || index, MKI and
   * tag; returns the SRTCP length.
   */
  abstract int protectRtcp(byte[] packet, int offset, int length, long ssrc, long index);

  /** Forgets the session keys this transform holds. */
  abstract void wipe();

  /** True when the {@link #mkiLength} bytes at {@code at} are our MKI. */
  final boolean mkiMatches(byte[] packet, int at) {
    for (int i = 0; i < mkiLength; i++) {
      if (packet[at + i] != mki[i]) {
        return false;
      }
    }
    return true;
  }

  final void writeMki(byte[] packet, int at) {
    System.arraycopy(mki, 0, packet, at, mkiLength);
  }
}
