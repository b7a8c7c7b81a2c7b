package io.srs.core.service;

import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;

/**
 * What the SIP side asks of the domain. Implemented by {@link RecordingCoordinator}; called on SIP
 * threads, so no method blocks on media flushing or disk finalisation.
 */
public interface RecordingService {

  /** An INVITE arrived: plan, reserve ports and storage, and decide. */
  OfferDecision offer(RecordingOffer offer);

  /**
   * A re-INVITE, UPDATE or BYE inside the session carried a new offer or new metadata: apply it
   * (pause/resume streams, merge metadata, keep the raw version). Unknown or ended ids are refused
   * with 481.
   */
  UpdateDecision update(RecordingId id, SessionUpdate update);

  /** The ACK for our 2xx arrived: the recording is live. Unknown ids are ignored. */
  void acknowledge(RecordingId id);

  /**
   * The call ended: finalise in the background. Unknown or ended ids are ignored. When {@code
   * reason} is not the SRC's own ({@link EndReason#endedBySrc()}), the domain also tells the
   * signalling side to hang up ({@link io.srs.core.port.CallSignalling}).
   */
  void end(RecordingId id, EndReason reason);

  /**
   * The SIP side refused an INVITE before offering it (malformed, not SIPREC, too large, ...):
   * reported so every refusal is a {@code recording.rejected} event and counted alike.
   */
  default void refused(
      String callId,
      int status,
      io.srs.core.port.RecordingEvent.RejectReason reason,
      String detail) {}

  /** False when a new call would be refused (capacity, draining): OPTIONS answers 503 then. */
  boolean acceptingCalls();
}
