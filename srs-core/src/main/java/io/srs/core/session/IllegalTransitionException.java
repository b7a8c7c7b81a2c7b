package io.srs.core.session;

/** A state change the state machine does not allow; a programming or protocol-order error. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(Object subject, SessionState from, SessionState to) {
    super(subject + ": illegal transition " + from + " -> " + to);
  }
}
