package io.srs.core.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a recording session (DESIGN.md "The path of one call"). Transitions are checked:
 * {@link #canMoveTo} is the only place that knows them.
 *
 * <pre>
 * OFFERED --ACK--> ACTIVE --BYE--> ENDING --flushed, stored--> CLOSED
 *    |                                |
 *    +--CANCEL / no ACK--> ENDING     +--storage failure--> FAILED
 * </pre>
 */
public enum SessionState {
  /** INVITE accepted, 200 OK sent, media ports open, waiting for ACK. */
  OFFERED,
  /** ACK received; media flowing. */
  ACTIVE,
  /** BYE (or another end) received; media flushed and files being finalised. */
  ENDING,
  /** Recording stored; terminal. */
  CLOSED,
  /** Recording could not be stored completely; terminal. */
  FAILED;

  private Set<SessionState> next() {
    return switch (this) {
      case OFFERED -> EnumSet.of(ACTIVE, ENDING, FAILED);
      case ACTIVE -> EnumSet.of(ENDING, FAILED);
      case ENDING -> EnumSet.of(CLOSED, FAILED);
      case CLOSED, FAILED -> EnumSet.noneOf(SessionState.class);
    };
  }

  public boolean canMoveTo(SessionState target) {
    return next().contains(target);
  }

  public boolean isTerminal() {
    return this == CLOSED || this == FAILED;
  }
}
