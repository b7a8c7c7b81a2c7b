package io.srs.sip.handler;

import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.sip.message.DialogKey;
import io.srs.sip.sdp.SdpAnswer;
import io.srs.sip.sdp.SessionDescription;
import java.util.List;
import java.util.Objects;

/**
 * One recording dialog from our side: which recording it feeds, what we answered, and where it
 * stands. Thread-safe: ACK, BYE and re-INVITE may arrive on different SIP threads.
 */
public final class Dialog {

  /** Where the dialog stands (RFC 3261 §12, §13.3.1.4). */
  public enum State {
    /** Our 2xx is sent; the ACK has not arrived. */
    ANSWERED,
    /** The ACK arrived: the recording is live. */
    CONFIRMED,
    /** BYE, CANCEL, ACK timeout or session-timer expiry (RFC 4028 §10) ended it. */
    TERMINATED;

    boolean canMoveTo(State next) {
      return switch (this) {
        case ANSWERED -> next == CONFIRMED || next == TERMINATED;
        case CONFIRMED -> next == TERMINATED;
        case TERMINATED -> false;
      };
    }
  }

  private final DialogKey key;
  private final RecordingId recordingId;
  private State state = State.ANSWERED;
  private SdpAnswer answer;
  private boolean updating;
  private long timerGeneration;
  private Scheduler.Cancel timer = Scheduler.Cancel.NONE;
  private EndReason pendingHangup;

  public Dialog(DialogKey key, RecordingId recordingId, SdpAnswer answer) {
    this.key = Objects.requireNonNull(key, "key");
    this.recordingId = Objects.requireNonNull(recordingId, "recordingId");
    this.answer = Objects.requireNonNull(answer, "answer");
  }

  public DialogKey key() {
    return key;
  }

  public RecordingId recordingId() {
    return recordingId;
  }

  public synchronized State state() {
    return state;
  }

  /**
   * Moves to {@code next}. Returns false when the move is moot (already there, or the dialog has
   * ended and late requests change nothing); throws on a move backwards.
   */
  public synchronized boolean moveTo(State next) {
    if (state == next || state == State.TERMINATED) {
      return false;
    }
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(
          "dialog " + key + " cannot move from " + state + " to " + next);
    }
    state = next;
    if (next == State.TERMINATED) {
      stopTimer();
    }
    return true;
  }

  /**
   * Stops the session timer (RFC 4028) and returns the generation of the one about to start: a task
   * of an older generation that fires anyway changes nothing.
   */
  synchronized long nextTimerGeneration() {
    stopTimer();
    return timerGeneration;
  }

  /** Keeps the handle of the timer of {@code generation}; cancels it if it is already stale. */
  synchronized void timerScheduled(long generation, Scheduler.Cancel cancel) {
    if (generation == timerGeneration && state != State.TERMINATED) {
      timer = cancel;
    } else {
      cancel.cancel();
    }
  }

  /** True while the session timer of {@code generation} is the dialog's live one. */
  synchronized boolean isCurrentTimer(long generation) {
    return generation == timerGeneration && state != State.TERMINATED;
  }

  private void stopTimer() {
    timer.cancel();
    timer = Scheduler.Cancel.NONE;
    timerGeneration++;
  }

  /**
   * Keeps {@code reason} for the ACK when it has not arrived (RFC 3261 §15: no BYE before it) and
   * returns true; false when the BYE may go out now, or the dialog has ended anyway.
   */
  synchronized boolean deferHangupUntilAck(EndReason reason) {
    if (state != State.ANSWERED) {
      return false;
    }
    pendingHangup = reason;
    return true;
  }

  /** Why the recording ended before the ACK came; null when it did not. */
  synchronized EndReason pendingHangup() {
    return pendingHangup;
  }

  public synchronized SdpAnswer answer() {
    return answer;
  }

  /** The current answer again with its {@code o=} version incremented (RFC 3264 §8). */
  public synchronized SdpAnswer reanswer() {
    answer = answer.nextVersion();
    return answer;
  }

  /**
   * The answer to a new offer in this dialog: same {@code o=} sess-id, version incremented (RFC
   * 3264 §8). It becomes the current answer.
   *
   * @throws IllegalArgumentException when {@code streams} does not match the offer m-line by m-line
   */
  public synchronized SdpAnswer answerOffer(
      SessionDescription offer, List<AnsweredStream> streams) {
    answer = new SdpAnswer(offer, streams, answer.sessionId(), answer.version() + 1);
    return answer;
  }

  /**
   * Starts processing a re-INVITE or UPDATE. Returns false while another is in progress: RFC 3261
   * §14.2 and RFC 3311 §5.2 then want 500 with Retry-After, never two offers at once.
   */
  public synchronized boolean beginUpdate() {
    if (updating) {
      return false;
    }
    updating = true;
    return true;
  }

  public synchronized void endUpdate() {
    updating = false;
  }

  @Override
  public String toString() {
    return "dialog " + key + " -> " + recordingId;
  }
}
