package io.srs.rtp.internal;

import java.net.InetSocketAddress;

/**
 * Which address a stream takes media from. The first valid packet's sender owns the stream
 * (latching: the SDP of a SIPREC offer often names an address the media does not come from, behind
 * NAT or an SBC's media pool). Packets from anyone else are foreign and dropped.
 *
 * <p>Re-latching: when an SBC fails over, or moves the forked media to another port of its pool,
 * the same stream continues from a new address and every packet of it would be dropped: a silent
 * rest of the recording. So a new sender takes the stream over when both hold: the owner has sent
 * nothing for {@code quietNanos}, and the newcomer has sent {@link #CANDIDATE_PACKETS} packets in a
 * row with consecutive sequence numbers (RFC 3550 §5.1). A few stray packets, such as a previous
 * call's last packets still arriving at a reused port, never qualify; the owner's own silence (DTX,
 * a pause) costs nothing while nobody else sends. The candidate's first packets are dropped; from
 * the take-over on, its packets are placed, and its usually new SSRC starts a new segment. With
 * SRTP only authenticated packets reach the latch, so no one without the key can take over. Pure;
 * confined to the stream's event loop.
 */
final class SourceLatch {
  /** Consecutive packets a newcomer must send before it can take over: 100 ms of 20 ms audio. */
  static final int CANDIDATE_PACKETS = 5;

  /** What a packet's sender is to the stream. */
  enum Verdict {
    /** The first valid sender: it now owns the stream. */
    LATCHED,
    /** The owner. */
    OWNER,
    /** A newcomer that has just taken the stream over. */
    RELATCHED,
    /** Someone else: drop the packet. */
    FOREIGN
  }

  private final long quietNanos;
  private InetSocketAddress owner;
  private InetSocketAddress previousOwner;
  private long ownerLastNanos;
  private InetSocketAddress candidate;
  private int candidateRun;
  private int candidateSequence;
  private long relatches;

  /** {@code quietNanos} 0: never re-latch. */
  SourceLatch(long quietNanos) {
    if (quietNanos < 0) {
      throw new IllegalArgumentException("quietNanos must not be negative, was " + quietNanos);
    }
    this.quietNanos = quietNanos;
  }

  /** A valid packet from {@code sender} with RTP sequence number {@code sequence}. */
  Verdict offer(InetSocketAddress sender, int sequence, long arrivalNanos) {
    if (owner == null) {
      owner = sender;
      ownerLastNanos = arrivalNanos;
      return Verdict.LATCHED;
    }
    if (owner.equals(sender)) {
      ownerLastNanos = arrivalNanos;
      candidate = null;
      return Verdict.OWNER;
    }
    if (quietNanos == 0) {
      return Verdict.FOREIGN;
    }
    if (sender.equals(candidate) && sequence == ((candidateSequence + 1) & 0xFFFF)) {
      candidateRun++;
    } else {
      candidate = sender;
      candidateRun = 1;
    }
    candidateSequence = sequence;
    if (candidateRun >= CANDIDATE_PACKETS && arrivalNanos - ownerLastNanos >= quietNanos) {
      previousOwner = owner;
      owner = sender;
      ownerLastNanos = arrivalNanos;
      candidate = null;
      relatches++;
      return Verdict.RELATCHED;
    }
    return Verdict.FOREIGN;
  }

  /** The current owner; null before the first packet. */
  InetSocketAddress owner() {
    return owner;
  }

  /** The owner before the last take-over; null if there was none. */
  InetSocketAddress previousOwner() {
    return previousOwner;
  }

  /** Take-overs so far. */
  long relatches() {
    return relatches;
  }
}
