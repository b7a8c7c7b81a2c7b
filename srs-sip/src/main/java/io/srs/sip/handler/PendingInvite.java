package io.srs.sip.handler;

import io.srs.sip.message.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An initial INVITE from our 100 Trying until well after its final response, so that a CANCEL can
 * find it (RFC 3261 §9.2) and a retransmission is recognised. Exactly one of {@link #answer} and
 * {@link #cancel} wins.
 */
public final class PendingInvite {

  /** Where the INVITE server transaction stands, from the TU's view. */
  public enum State {
    PROCEEDING,
    ANSWERED,
    CANCELLED
  }

  private final Responder responder;
  private final Clock clock;
  private State state = State.PROCEEDING;
  private Instant finishedAt;

  PendingInvite(Responder responder, Clock clock) {
    this.responder = Objects.requireNonNull(responder, "responder");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public synchronized State state() {
    return state;
  }

  /** When the final response (or the cancel) went out; null while proceeding. */
  synchronized Instant finishedAt() {
    return finishedAt;
  }

  /**
   * Sends the final response unless a CANCEL came first. {@code beforeSend} runs under the same
   * lock, so a dialog is registered before its 2xx can be acknowledged.
   *
   * @return false when the INVITE was cancelled and nothing was sent
   */
  public synchronized boolean answer(Reply finalReply, Runnable beforeSend) {
    if (!finalReply.isFinal()) {
      throw new IllegalArgumentException("not a final response: " + finalReply);
    }
    if (!moveTo(State.ANSWERED)) {
      return false;
    }
    beforeSend.run();
    responder.send(finalReply);
    return true;
  }

  /**
   * Cancels the INVITE if it has no final response yet, answering it 487 (RFC 3261 §9.2).
   *
   * @return true when this call cancelled it; false when it was already answered
   */
  public synchronized boolean cancel() {
    if (!moveTo(State.CANCELLED)) {
      return false;
    }
    responder.send(Replies.of(487));
    return true;
  }

  /** PROCEEDING moves once, to ANSWERED or CANCELLED; every other move is refused. */
  private boolean moveTo(State next) {
    if (state != State.PROCEEDING || next == State.PROCEEDING) {
      return false;
    }
    state = next;
    finishedAt = clock.instant();
    return true;
  }
}
