package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;
import java.util.Arrays;

/**
 * The AEAD_AES_128_GCM and AEAD_AES_256_GCM suites (RFC 7714): one AES-GCM operation encrypts and
 * authenticates, with a 16-octet tag that is part of the ciphertext.
 *
 * <pre>
 * SRTP  (RFC 7714 §8):  header (AAD) | ciphertext | tag | MKI (opt.)
 *   IV (§8.1) = (00 00 || SSRC || ROC || SEQ) XOR salt                         (12 octets)
 * SRTCP (RFC 7714 §9):  8-byte header | ciphertext | tag | E + index | MKI (opt.)
 *   IV (§9.1) = (00 00 || SSRC || 00 00 || 0 + 31-bit index) XOR salt
 *   AAD (§9.2) = header || E + index when E = 1; the whole RTCP packet || E + index when E = 0
 * </pre>
 *
 * Session keys come from the AES-CM PRF of RFC 3711 with the 96-bit master salt (RFC 7714 §11);
 * there is no authentication key. Under UNENCRYPTED_SRTP an SRTP packet is treated as SRTCP with E
 * = 0 is: all of it authenticated data, nothing encrypted.
 */
final class GcmTransform extends SrtpTransform {

  /** RFC 7714 §11: the session salt is 96 bits. */
  static final int SALT_BYTES = 12;

  private final AesGcm gcm;
  private final byte[] salt;
  private final byte[] iv = new byte[AesGcm.IV_BYTES];
  private final boolean encrypt;

  GcmTransform(SrtpKeys keys, boolean rtcp) {
    super(keys);
    SrtpKeyDerivation kdf = new SrtpKeyDerivation(keys.masterKey(), keys.masterSalt());
    byte[] key =
        kdf.derive(
            rtcp ? SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION : SrtpKeyDerivation.LABEL_RTP_ENCRYPTION,
            keys.suite().masterKeyBytes());
    this.salt =
        kdf.derive(
            rtcp ? SrtpKeyDerivation.LABEL_RTCP_SALT : SrtpKeyDerivation.LABEL_RTP_SALT,
            SALT_BYTES);
    kdf.wipe();
    this.gcm = new AesGcm(key);
    Arrays.fill(key, (byte) 0);
    this.encrypt = rtcp ? keys.srtcpEncrypted() : keys.srtpEncrypted();
  }

  /** A transform straight from session keys: RFC 7714 §16's vectors start there. */
  GcmTransform(SrtpKeys keys, byte[] sessionKey, byte[] sessionSalt) {
    super(keys);
    this.gcm = new AesGcm(sessionKey);
    this.salt = sessionSalt.clone();
    this.encrypt = keys.srtpEncrypted();
  }

  @Override
  int rtpTrailerBytes() {
    return AesGcm.TAG_BYTES + mkiLength;
  }

  @Override
  int rtpMkiAt(int end) {
    return end - mkiLength;
  }

  @Override
  boolean unprotectRtp(
      byte[] packet, int offset, int length, int headerLength, long ssrc, long index) {
    int tagAt = offset + length - mkiLength - AesGcm.TAG_BYTES;
    rtpIv(ssrc, index);
    gcm.start(iv);
    int payloadAt = offset + headerLength;
    if (encrypt) {
      gcm.aad(packet, offset, headerLength);
      gcm.ciphertext(packet, payloadAt, tagAt - payloadAt);
    } else {
      gcm.aad(packet, offset, tagAt - offset);
    }
    gcm.finish();
    if (!gcm.tagMatches(packet, tagAt)) {
      return false;
    }
    if (encrypt) {
      gcm.crypt(packet, payloadAt, tagAt - payloadAt);
    }
    return true;
  }

  @Override
  int protectRtp(byte[] packet, int offset, int length, int headerLength, long ssrc, long index) {
    int end = offset + length;
    int payloadAt = offset + headerLength;
    rtpIv(ssrc, index);
    gcm.start(iv);
    if (encrypt) {
      gcm.crypt(packet, payloadAt, end - payloadAt);
      gcm.aad(packet, offset, headerLength);
      gcm.ciphertext(packet, payloadAt, end - payloadAt);
    } else {
      gcm.aad(packet, offset, length);
    }
    gcm.finish();
    gcm.writeTag(packet, end);
    writeMki(packet, end + AesGcm.TAG_BYTES);
    return length + rtpTrailerBytes();
  }

  @Override
  int rtcpTrailerBytes() {
    return AesGcm.TAG_BYTES + SrtpPackets.SRTCP_INDEX_BYTES + mkiLength;
  }

  @Override
  int rtcpIndexAt(int end) {
    return end - mkiLength - SrtpPackets.SRTCP_INDEX_BYTES;
  }

  @Override
  int rtcpMkiAt(int end) {
    return end - mkiLength;
  }

  @Override
  boolean unprotectRtcp(byte[] packet, int offset, int length, long ssrc, int indexWord) {
    int indexAt = rtcpIndexAt(offset + length);
    int tagAt = indexAt - AesGcm.TAG_BYTES;
    boolean encrypted = (indexWord & SrtpPackets.SRTCP_E_FLAG) != 0;
    int bodyAt = offset + SrtpPackets.RTCP_CLEAR_HEADER_BYTES;
    rtcpIv(ssrc, indexWord & SrtpPackets.SRTCP_INDEX_MASK);
    gcm.start(iv);
    if (encrypted) {
      gcm.aad(packet, offset, SrtpPackets.RTCP_CLEAR_HEADER_BYTES);
      gcm.aad(packet, indexAt, SrtpPackets.SRTCP_INDEX_BYTES);
      gcm.ciphertext(packet, bodyAt, tagAt - bodyAt);
    } else {
      gcm.aad(packet, offset, tagAt - offset);
      gcm.aad(packet, indexAt, SrtpPackets.SRTCP_INDEX_BYTES);
    }
    gcm.finish();
    if (!gcm.tagMatches(packet, tagAt)) {
      return false;
    }
    if (encrypted) {
      gcm.crypt(packet, bodyAt, tagAt - bodyAt);
    }
    // The plain RTCP packet ends where the tag began: move nothing, the caller cuts the trailer.
    return true;
  }

  @Override
  int protectRtcp(byte[] packet, int offset, int length, long ssrc, long index) {
    int end = offset + length;
    int bodyAt = offset + SrtpPackets.RTCP_CLEAR_HEADER_BYTES;
    int indexAt = end + AesGcm.TAG_BYTES;
    SrtpPackets.writeInt(packet, indexAt, (encrypt ? SrtpPackets.SRTCP_E_FLAG : 0) | (int) index);
    rtcpIv(ssrc, index);
    gcm.start(iv);
    if (encrypt) {
      gcm.crypt(packet, bodyAt, end - bodyAt);
      gcm.aad(packet, offset, SrtpPackets.RTCP_CLEAR_HEADER_BYTES);
      gcm.aad(packet, indexAt, SrtpPackets.SRTCP_INDEX_BYTES);
      gcm.ciphertext(packet, bodyAt, end - bodyAt);
    } else {
      gcm.aad(packet, offset, length);
      gcm.aad(packet, indexAt, SrtpPackets.SRTCP_INDEX_BYTES);
    }
    gcm.finish();
    gcm.writeTag(packet, end);
    writeMki(packet, indexAt + SrtpPackets.SRTCP_INDEX_BYTES);
    return length + rtcpTrailerBytes();
  }

  @Override
  void wipe() {
    gcm.wipe();
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(iv, (byte) 0);
  }

  /** RFC 7714 §8.1: 00 00 || SSRC || ROC || SEQ, XOR the salt. */
  private void rtpIv(long ssrc, long index) {
    iv[0] = salt[0];
    iv[1] = salt[1];
    iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
    iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
    iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
    iv[5] = (byte) (salt[5] ^ ssrc);
    // ROC || SEQ is the 48-bit index.
    iv[6] = (byte) (salt[6] ^ (index >>> 40));
    iv[7] = (byte) (salt[7] ^ (index >>> 32));
    iv[8] = (byte) (salt[8] ^ (index >>> 24));
    iv[9] = (byte) (salt[9] ^ (index >>> 16));
    iv[10] = (byte) (salt[10] ^ (index >>> 8));
    iv[11] = (byte) (salt[11] ^ index);
  }

  /** RFC 7714 §9.1: 00 00 || SSRC || 00 00 || 0 + SRTCP index, XOR the salt. */
  private void rtcpIv(long ssrc, long index) {
    iv[0] = salt[0];
    iv[1] = salt[1];
    iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
    iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
    iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
    iv[5] = (byte) (salt[5] ^ ssrc);
    iv[6] = salt[6];
    iv[7] = salt[7];
    iv[8] = (byte) (salt[8] ^ (index >>> 24));
    iv[9] = (byte) (salt[9] ^ (index >>> 16));
    iv[10] = (byte) (salt[10] ^ (index >>> 8));
    iv[11] = (byte) (salt[11] ^ index);
  }
}
