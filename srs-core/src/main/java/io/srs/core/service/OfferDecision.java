package io.srs.core.service;

import io.srs.core.media.StreamPlan;
import io.srs.core.session.RecordingId;
import java.util.List;

/** The domain's answer to a {@link RecordingOffer}: record it, or refuse with a SIP status. */
public sealed interface OfferDecision {

  /**
   * Record it.
   *
   * @param streams one per offered m-line, in order, with the local port (0 when declined)
   */
  record Accepted(RecordingId id, List<AnsweredStream> streams) implements OfferDecision {
    public Accepted {
      streams = List.copyOf(streams);
    }
  }

  /**
   * Refuse it.
   *
   * @param status the SIP status (488, 503, ...)
   * @param reason the reason phrase: says what was wrong
   * @param warning the text of a {@code Warning} header (RFC 3261 §20.43), or null
   * @param warnCode the warn-code for the Warning header (e.g. 305 incompatible media format)
   * @param retryAfterSeconds a Retry-After value for 503, or 0 for none
   */
  record Rejected(int status, String reason, int warnCode, String warning, int retryAfterSeconds)
      implements OfferDecision {}

  /** One m-line of the answer: the plan and the local RTP port (0 when declined). */
  record AnsweredStream(StreamPlan plan, int port) {}
}
