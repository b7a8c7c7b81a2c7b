package io.srs.rtp.srtp;

/**
 * A fixed number of per-source states, so a context allocates nothing after it is built. A recorded
 * stream has one source at a time; a transfer or an SBC re-anchoring media brings a new SSRC, and
 * the old one may still send a few packets, so a handful is plenty. When all are taken, the least
 * recently used source is forgotten. A slot is claimed only for a packet that authenticated, so
 * forged packets cannot evict a real source.
 */
final class SourceTable {

  /** Sources one stream's context tracks at once. */
  static final int MAX_SOURCES = 4;

  private final SourceState[] states = new SourceState[MAX_SOURCES];
  private long clock;

  SourceTable() {
    for (int i = 0; i < MAX_SOURCES; i++) {
      states[i] = new SourceState();
    }
  }

  /** The state of {@code ssrc}, or null when this source has not authenticated a packet yet. */
  SourceState find(long ssrc) {
    for (SourceState state : states) {
      if (state.ssrc == ssrc) {
        state.lastUsed = ++clock;
        return state;
      }
    }
    return null;
  }

  /** A fresh state for {@code ssrc}: a free slot or the least recently used one. */
  SourceState claim(long ssrc) {
    SourceState oldest = states[0];
    for (SourceState state : states) {
      if (state.ssrc < 0) {
        oldest = state;
        break;
      }
      if (state.lastUsed < oldest.lastUsed) {
        oldest = state;
      }
    }
    oldest.reset(ssrc);
    oldest.lastUsed = ++clock;
    return oldest;
  }

  /** Takes over another table's sources (a re-key keeps each source's index). */
  void copyFrom(SourceTable other) {
    for (int i = 0; i < MAX_SOURCES; i++) {
      states[i].copyFrom(other.states[i]);
    }
    clock = other.clock;
  }
}
