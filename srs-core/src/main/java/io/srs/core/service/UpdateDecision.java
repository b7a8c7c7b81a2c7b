package io.srs.core.service;

import io.srs.core.service.OfferDecision.AnsweredStream;
import java.util.List;

/** The domain's answer to a {@link SessionUpdate}. */
public sealed interface UpdateDecision {

  /**
   * Applied.
   *
   * @param streams the new answer, one per m-line of the update's offer; empty when it had none
   */
  record Applied(List<AnsweredStream> streams) implements UpdateDecision {
    public Applied {
      streams = List.copyOf(streams);
    }
  }

  /**
   * Refused: the session goes on as before (RFC 3261 §14.2: a failed re-INVITE changes nothing).
   */
  record Refused(int status, String reason, int warnCode, String warning)
      implements UpdateDecision {}
}
