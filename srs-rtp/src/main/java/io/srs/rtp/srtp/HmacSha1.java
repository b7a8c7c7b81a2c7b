package io.srs.rtp.srtp;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SHA1 message authentication (RFC 3711 §4.2.1, RFC 2104) with a 160-bit session key, the tag
 * truncated to the suite's 80 or 32 bits. For SRTP the authenticated portion is followed by the
 * 32-bit rollover counter (RFC 3711 §4.2: M = Authenticated Portion || ROC); for SRTCP by nothing,
 * its index being in the authenticated portion. The inner and outer pad states are computed once at
 * init; a packet costs the digest and no allocation.
 */
final class HmacSha1 {

  /** RFC 3711 §4.2.1: the session authentication key is 160 bits. */
  static final int KEY_BYTES = 20;

  static final int DIGEST_BYTES = 20;

  private final HMac mac = new HMac(new SHA1Digest());
  private final byte[] digest = new byte[DIGEST_BYTES];
  private final byte[] roc = new byte[4];

  HmacSha1(byte[] sessionAuthKey) {
    mac.init(new KeyParameter(sessionAuthKey));
  }

  /** Computes the MAC of {@code length} bytes at {@code at}, then of {@code rocValue} when SRTP. */
  void compute(byte[] packet, int at, int length, boolean appendRoc, long rocValue) {
    mac.update(packet, at, length);
    if (appendRoc) {
      SrtpPackets.writeInt(roc, 0, (int) rocValue);
      mac.update(roc, 0, 4);
    }
    mac.doFinal(digest, 0); // also resets the MAC to its keyed state for the next packet
  }

  /** True when the last computed MAC, truncated to {@code tagLength}, equals the packet's tag. */
  boolean matches(byte[] packet, int tagAt, int tagLength) {
    return SrtpPackets.constantTimeEquals(digest, 0, packet, tagAt, tagLength);
  }

  /** Writes the last computed MAC, truncated to {@code tagLength}, at {@code tagAt}. */
  void writeTag(byte[] packet, int tagAt, int tagLength) {
    System.arraycopy(digest, 0, packet, tagAt, tagLength);
  }

  void wipe() {
    mac.reset();
    Arrays.fill(digest, (byte) 0);
  }
}
