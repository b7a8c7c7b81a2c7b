package io.srs.sip.handler;

import io.srs.core.session.RecordingId;
import io.srs.sip.message.DialogKey;
import io.srs.sip.sdp.SdpAnswer;
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
    /** BYE, CANCEL or ACK timeout ended it. */
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
    return true;
  }

  public synchronized SdpAnswer answer() {
    return answer;
  }

  /** The current answer again with its {@code o=} version incremented (RFC 3264 §8). */
  public synchronized SdpAnswer reanswer() {
    answer = answer.nextVersion();
    return answer;
  }

  @Override
  public String toString() {
    return "dialog " + key + " -> " + recordingId;
  }
}
