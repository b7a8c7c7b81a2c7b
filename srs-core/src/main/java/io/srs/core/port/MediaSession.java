package io.srs.core.port;

import io.srs.core.media.SrtpKeys;
import java.util.concurrent.CompletionStage;

/** The open receivers of one recording session. */
public interface MediaSession {

  /** The local RTP port of m-line {@code index}: {@code base + 2 * index}. */
  int rtpPort(int index);

  /**
   * The SRC paused or resumed a stream (re-INVITE with {@code a=inactive}, RFC 7866 §8.1.3):
   * silence written while paused is a PAUSE gap, not loss, and no packet is expected. Callable from
   * any thread; applied in order on the stream's thread. Unknown indexes are ignored.
   *
   * @param cause {@link GapCause#PAUSE} or {@link GapCause#HOLD}; ignored when resuming
   */
  void setPaused(int index, boolean paused, GapCause cause);

  /**
   * The SRC's new SRTP keys for a stream (RFC 4568 §7.1.4: a re-INVITE or UPDATE may re-key).
   * Packets are unprotected with the new keys from then on; packets still in flight under the old
   * keys are accepted until the first one under the new keys authenticates. Keys equal to the
   * stream's current ones change nothing (a refresh that repeats its {@code a=crypto} keeps the
   * crypto context, rollover counter included). Callable from any thread; applied in order on the
   * stream's thread, like {@link #setPaused}. Unknown indexes are ignored.
   */
  void rekey(int index, SrtpKeys keys);

  /**
   * Stops receiving: flushes what the reorder window holds, pads every track to the session's end
   * so all tracks have the same length, releases the ports, and completes with what was seen.
   * Idempotent: later calls return the same stage. All track writes happen-before completion.
   */
  CompletionStage<MediaReport> close();
}
