package io.srs.rtp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.srs.core.media.SrtpKeys;
import io.srs.rtp.srtp.SrtcpUnprotector;
import io.srs.rtp.srtp.SrtpStatus;
import io.srs.rtp.srtp.SrtpUnprotector;

/**
 * The SRTP side of one stream's receiver: copies each datagram out of Netty's pooled buffer into a
 * preallocated array, unprotects it there (RFC 3711 §3.3, §3.4), and hands back a reusable heap
 * view of the plain packet, so the RTP parser and the placer read it as they read plain RTP. One
 * array serves RTP and RTCP: the loop handles one datagram at a time and each is consumed before
 * the next. Confined to the session's event loop; nothing is allocated per packet.
 *
 * <p>Re-keying (RFC 4568 §7.1.4) installs new contexts that continue the old ones' index state; the
 * old ones stay as a fallback for packets still in flight under the old key, until the first packet
 * under the new key authenticates. The keys never leave this object's contexts: nothing here logs
 * or stores them.
 */
final class SrtpFilter {
  private final byte[] packet;
  private final ByteBuf plain;
  private SrtpKeys keys;
  private SrtpUnprotector rtp;
  private SrtcpUnprotector rtcp;
  private SrtpUnprotector previousRtp;
  private SrtcpUnprotector previousRtcp;
  private SrtpStatus lastStatus = SrtpStatus.OK;
  private long authFailed;
  private long replayed;
  private long rtcpRefused;

  /** A filter for datagrams of up to {@code capacity} bytes under {@code keys}. */
  SrtpFilter(int capacity, SrtpKeys keys) {
    this.packet = new byte[capacity];
    this.plain = Unpooled.wrappedBuffer(packet);
    this.keys = keys;
    this.rtp = new SrtpUnprotector(keys);
    this.rtcp = new SrtcpUnprotector(keys);
  }

  /**
   * The plain RTP packet of an SRTP datagram, as a view valid until the next call; null when the
   * datagram is refused ({@link #lastStatus()} says why, and it is counted).
   */
  ByteBuf unprotectRtp(ByteBuf datagram) {
    int length = copy(datagram);
    SrtpStatus status = rtp.unprotect(packet, 0, length);
    int plainLength = rtp.length();
    if (previousRtp != null) {
      if (status == SrtpStatus.OK) {
        previousRtp.wipe(); // the new key is in use: in-flight packets under the old one are past
        previousRtp = null;
      } else if (refusedKey(status) && previousRtp.unprotect(packet, 0, length) == SrtpStatus.OK) {
        status = SrtpStatus.OK;
        plainLength = previousRtp.length();
      }
    }
    lastStatus = status;
    if (status != SrtpStatus.OK) {
      if (refusedKey(status)) {
        authFailed++;
      } else if (status == SrtpStatus.REPLAY_FAIL) {
        replayed++;
      }
      return null;
    }
    return plain.setIndex(0, plainLength);
  }

  /** The plain compound RTCP packet of an SRTCP datagram, or null when refused (counted apart). */
  ByteBuf unprotectRtcp(ByteBuf datagram) {
    int length = copy(datagram);
    SrtpStatus status = rtcp.unprotect(packet, 0, length);
    int plainLength = rtcp.length();
    if (previousRtcp != null) {
      if (status == SrtpStatus.OK) {
        previousRtcp.wipe();
        previousRtcp = null;
      } else if (refusedKey(status) && previousRtcp.unprotect(packet, 0, length) == SrtpStatus.OK) {
        status = SrtpStatus.OK;
        plainLength = previousRtcp.length();
      }
    }
    if (status != SrtpStatus.OK) {
      rtcpRefused++;
      return null;
    }
    return plain.setIndex(0, plainLength);
  }

  /**
   * New keys from a re-INVITE or UPDATE. The same keys again are no change (a refresh keeps the
   * crypto context); new ones replace the contexts, keeping the old as a fallback.
   */
  boolean rekey(SrtpKeys next) {
    if (next.equals(keys)) {
      return false;
    }
    SrtpUnprotector nextRtp = new SrtpUnprotector(next);
    nextRtp.continueFrom(rtp);
    if (previousRtp != null) {
      previousRtp.wipe();
    }
    if (previousRtcp != null) {
      previousRtcp.wipe();
    }
    previousRtp = rtp;
    previousRtcp = rtcp;
    rtp = nextRtp;
    rtcp = new SrtcpUnprotector(next);
    keys = next;
    return true;
  }

  /** Overwrites the session keys of every context; called when the session closes. */
  void wipe() {
    rtp.wipe();
    rtcp.wipe();
    if (previousRtp != null) {
      previousRtp.wipe();
    }
    if (previousRtcp != null) {
      previousRtcp.wipe();
    }
  }

  SrtpStatus lastStatus() {
    return lastStatus;
  }

  /** SRTP packets refused for a tag that did not verify or an MKI not ours. */
  long authFailed() {
    return authFailed;
  }

  /** SRTP packets refused by the replay list. */
  long replayed() {
    return replayed;
  }

  /** SRTCP packets refused, for any reason. */
  long rtcpRefused() {
    return rtcpRefused;
  }

  String suiteName() {
    return keys.suite().sdesName();
  }

  /** A wrong key shows as a tag that does not verify, or as an MKI that names another key. */
  static boolean refusedKey(SrtpStatus status) {
    return status == SrtpStatus.AUTH_FAIL || status == SrtpStatus.MKI_MISMATCH;
  }

  private int copy(ByteBuf datagram) {
    int length = Math.min(datagram.readableBytes(), packet.length);
    datagram.getBytes(datagram.readerIndex(), packet, 0, length);
    return length;
  }
}
