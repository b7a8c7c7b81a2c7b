package io.srs.rtp.srtp;

import io.srs.core.media.SrtpKeys;

/**
 * The receiving side of SRTP for one stream's sender (RFC 3711 §3.3): checks, authenticates and
 * decrypts each packet in place, over {@code (byte[], offset, length)}, with no allocation and no
 * exception on any input. Per source it keeps the rollover counter and the replay list, and changes
 * them only for a packet that authenticated; a rejected packet's bytes are left as they came.
 * Confined to one thread (the stream's event loop).
 *
 * <pre>
 * RFC 3711 §3.3, in our order:
 *   1. header and trailer fit           else TOO_SHORT
 *   2. MKI is ours (§3.1)               else MKI_MISMATCH
 *   3. index = estimate(ROC, s_l, SEQ)  (§3.3.1, Appendix A)
 *   4. index not yet received (§3.3.2)  else REPLAY_FAIL
 *   5. tag verifies (§4.2; RFC 7714)    else AUTH_FAIL
 *   6. decrypt, update ROC, s_l and the replay list, strip MKI and tag
 * </pre>
 */
public final class SrtpUnprotector {
  private final SrtpTransform transform;
  private final SourceTable sources = new SourceTable();
  private int length;

  public SrtpUnprotector(SrtpKeys keys) {
    this.transform = SrtpTransform.create(keys, false);
  }

  /**
   * Unprotects the SRTP packet of {@code length} bytes at {@code offset}. On {@link SrtpStatus#OK}
   * the RTP packet (header and plaintext payload, MKI and tag cut) is the first {@link #length()}
   * bytes at {@code offset}.
   */
  public SrtpStatus unprotect(byte[] packet, int offset, int length) {
    int headerLength = SrtpPackets.rtpHeaderLength(packet, offset, length);
    if (headerLength < 0 || length - headerLength < transform.rtpTrailerBytes()) {
      return SrtpStatus.TOO_SHORT;
    }
    if (!transform.mkiMatches(packet, transform.rtpMkiAt(offset + length))) {
      return SrtpStatus.MKI_MISMATCH;
    }
    long ssrc = SrtpPackets.readUnsignedInt(packet, offset + SrtpPackets.RTP_SSRC_OFFSET);
    int seq = SrtpPackets.readUnsignedShort(packet, offset + SrtpPackets.RTP_SEQUENCE_OFFSET);
    SourceState source = sources.find(ssrc);
    long index = source == null ? seq : source.counter.estimate(seq);
    if (index < 0 || source != null && !source.replay.accepts(index)) {
      return SrtpStatus.REPLAY_FAIL;
    }
    if (!transform.unprotectRtp(packet, offset, length, headerLength, ssrc, index)) {
      if (source == null || !source.carried || index == seq) {
        return SrtpStatus.AUTH_FAIL;
      }
      // Re-keyed after a sequence wrap: the sender may have started the new key's context at
      // ROC 0 rather than continuing its index. Try that once, before anything authenticated.
      if (!transform.unprotectRtp(packet, offset, length, headerLength, ssrc, seq)) {
        return SrtpStatus.AUTH_FAIL;
      }
      source.reset(ssrc);
      index = seq;
    }
    if (source == null) {
      source = sources.claim(ssrc);
    }
    source.commit(index, true);
    this.length = length - transform.rtpTrailerBytes();
    return SrtpStatus.OK;
  }

  /** The RTP packet's length after the last {@link SrtpStatus#OK}. */
  public int length() {
    return length;
  }

  /**
   * Takes over the per-source index state (ROC, s_l, replay list) of the context this one replaces
   * at a re-key (RFC 4568 §7.1.4): the ROC belongs to the crypto context, not to the master key
   * (RFC 3711 §3.2.1), so the index continues. A sender that restarted at ROC 0 with its new key is
   * recognised on its first packet (see {@link #unprotect}).
   */
  public void continueFrom(SrtpUnprotector previous) {
    sources.copyFrom(previous.sources);
  }

  /** Overwrites the session keys held in our own arrays; the context is unusable afterwards. */
  public void wipe() {
    transform.wipe();
  }

  /** The rollover counter of {@code ssrc}, or -1 when the source is unknown (for tests). */
  long roc(long ssrc) {
    SourceState source = sources.find(ssrc);
    return source == null ? -1 : source.counter.roc();
  }
}
