package io.srs.core.port;

import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;

/**
 * The signalling side, as the domain sees it when the recorder rather than the SRC ends a recording
 * (media inactivity, session-timer expiry, shutdown, an error). The SRC must learn that recording
 * stopped, or an SBC believes a legal recording still runs: the SIP side answers this with a BYE in
 * the recording's dialog (RFC 3261 §15.1.1) that carries a Reason header (RFC 3326).
 */
@FunctionalInterface
public interface CallSignalling {

  /** For a domain with nobody to tell (tests, simulations). */
  CallSignalling NONE = (id, reason) -> {};

  /**
   * Recording {@code id} ended for {@code reason}, which the SRC did not cause ({@link
   * EndReason#endedBySrc()} is false). Called at most once per recording, from whichever thread
   * ended it — a media thread, a timer, the shutdown — so it must not block and must not throw.
   */
  void hangUp(RecordingId id, EndReason reason);
}
