package io.srs.rtp.srtp;

/**
 * What a receiving crypto context keeps per source (RFC 3711 §3.2.3: a context is per SSRC): the
 * rollover counter and s_l (SRTP only) and the replay list. Preallocated in a {@link SourceTable}.
 */
final class SourceState {
  final RolloverCounter counter = new RolloverCounter();
  final ReplayWindow replay = new ReplayWindow();
  long ssrc = -1;
  long lastUsed;

  /**
   * True while the index state was carried over from the previous master key and no packet has
   * authenticated under the new one yet (see {@link SrtpUnprotector#continueFrom}).
   */
  boolean carried;

  void reset(long ssrc) {
    this.ssrc = ssrc;
    counter.set(0, -1);
    replay.reset();
    carried = false;
  }

  /** Commits the index of a packet that authenticated. */
  void commit(long index, boolean rollover) {
    if (rollover) {
      counter.update(index);
    }
    replay.update(index);
    carried = false;
  }

  void copyFrom(SourceState other) {
    ssrc = other.ssrc;
    lastUsed = other.lastUsed;
    counter.set(other.counter.roc(), other.counter.highestSequence());
    replay.copyFrom(other.replay);
    carried = ssrc >= 0;
  }
}
