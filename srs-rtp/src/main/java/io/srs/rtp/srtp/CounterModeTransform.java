package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;
import java.util.Arrays;

/**
 * The AES_CM suites: AES-CM encryption (RFC 3711 §4.1.1; 256-bit keys RFC 6188) and HMAC-SHA1
 * authentication (§4.2.1), tag truncated to 80 or 32 bits (the _32 suites shorten only the SRTP
 * tag, RFC 4568 §6.2.2).
 *
 * <pre>
 * SRTP  (RFC 3711 §3.1):  header | encrypted payload | MKI (opt.) | tag
 *                         &lt;------ authenticated -----&gt;   (then || ROC, §4.2)
 * SRTCP (RFC 3711 §3.4):  8-byte header | encrypted portion | E + index | MKI (opt.) | tag
 *                         &lt;--------------- authenticated ---------------&gt;
 * </pre>
 */
final class CounterModeTransform extends SrtpTransform {
  private final AesCounterMode cipher;
  private final HmacSha1 mac;
  private final int tagLength;
  private final boolean encrypt;

  CounterModeTransform(SrtpKeys keys, boolean rtcp) {
    super(keys);
    SrtpKeyDerivation kdf = new SrtpKeyDerivation(keys.masterKey(), keys.masterSalt());
    byte[] key =
        kdf.derive(
            rtcp ? SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION : SrtpKeyDerivation.LABEL_RTP_ENCRYPTION,
            keys.suite().masterKeyBytes());
    byte[] salt =
        kdf.derive(
            rtcp ? SrtpKeyDerivation.LABEL_RTCP_SALT : SrtpKeyDerivation.LABEL_RTP_SALT,
            AesCounterMode.SALT_BYTES);
    byte[] auth =
        kdf.derive(
            rtcp ? SrtpKeyDerivation.LABEL_RTCP_AUTH : SrtpKeyDerivation.LABEL_RTP_AUTH,
            HmacSha1.KEY_BYTES);
    kdf.wipe();
    this.cipher = new AesCounterMode(key, salt);
    this.mac = new HmacSha1(auth);
    Arrays.fill(key, (byte) 0);
    Arrays.fill(salt, (byte) 0);
    Arrays.fill(auth, (byte) 0);
    // RFC 4568 §6.3.5: UNAUTHENTICATED_SRTP drops the SRTP tag; SRTCP is always authenticated.
    this.tagLength =
        rtcp
            ? keys.suite().srtcpTagBytes()
            : keys.srtpAuthenticated() ? keys.suite().srtpTagBytes() : 0;
    // The sender's choice; a receiver of SRTCP follows each packet's E flag instead.
    this.encrypt = rtcp ? keys.srtcpEncrypted() : keys.srtpEncrypted();
  }

  @Override
  int rtpTrailerBytes() {
    return mkiLength + tagLength;
  }

  @Override
  int rtpMkiAt(int end) {
    return end - tagLength - mkiLength;
  }

  @Override
  boolean unprotectRtp(
      byte[] packet, int offset, int length, int headerLength, long ssrc, long index) {
    int end = offset + length;
    int payloadEnd = end - tagLength - mkiLength;
    if (tagLength > 0) {
      mac.compute(packet, offset, payloadEnd - offset, true, index >>> 16);
      if (!mac.matches(packet, end - tagLength, tagLength)) {
        return false;
      }
    }
    if (encrypt) {
      cipher.setIv(ssrc, index);
      cipher.apply(packet, offset + headerLength, payloadEnd - offset - headerLength);
    }
    return true;
  }

  @Override
  int protectRtp(byte[] packet, int offset, int length, int headerLength, long ssrc, long index) {
    if (encrypt) {
      cipher.setIv(ssrc, index);
      cipher.apply(packet, offset + headerLength, length - headerLength);
    }
    int end = offset + length;
    writeMki(packet, end);
    if (tagLength > 0) {
      mac.compute(packet, offset, length, true, index >>> 16);
      mac.writeTag(packet, end + mkiLength, tagLength);
    }
    return length + mkiLength + tagLength;
  }

  @Override
  int rtcpTrailerBytes() {
    return SrtpPackets.SRTCP_INDEX_BYTES + mkiLength + tagLength;
  }

  @Override
  int rtcpIndexAt(int end) {
    return end - tagLength - mkiLength - SrtpPackets.SRTCP_INDEX_BYTES;
  }

  @Override
  int rtcpMkiAt(int end) {
    return end - tagLength - mkiLength;
  }

  @Override
  boolean unprotectRtcp(byte[] packet, int offset, int length, long ssrc, int indexWord) {
    int end = offset + length;
    int indexAt = rtcpIndexAt(end);
    mac.compute(packet, offset, indexAt + SrtpPackets.SRTCP_INDEX_BYTES - offset, false, 0);
    if (!mac.matches(packet, end - tagLength, tagLength)) {
      return false;
    }
    if ((indexWord & SrtpPackets.SRTCP_E_FLAG) != 0) {
      cipher.setIv(ssrc, indexWord & SrtpPackets.SRTCP_INDEX_MASK);
      int from = offset + SrtpPackets.RTCP_CLEAR_HEADER_BYTES;
      cipher.apply(packet, from, indexAt - from);
    }
    return true;
  }

  @Override
  int protectRtcp(byte[] packet, int offset, int length, long ssrc, long index) {
    if (encrypt) {
      cipher.setIv(ssrc, index);
      cipher.apply(
          packet,
          offset + SrtpPackets.RTCP_CLEAR_HEADER_BYTES,
          length - SrtpPackets.RTCP_CLEAR_HEADER_BYTES);
    }
    int end = offset + length;
    SrtpPackets.writeInt(packet, end, (encrypt ? SrtpPackets.SRTCP_E_FLAG : 0) | (int) index);
    end += SrtpPackets.SRTCP_INDEX_BYTES;
    mac.compute(packet, offset, end - offset, false, 0);
    writeMki(packet, end);
    mac.writeTag(packet, end + mkiLength, tagLength);
    return length + rtcpTrailerBytes();
  }

  @Override
  void wipe() {
    cipher.wipe();
    mac.wipe();
  }
}
