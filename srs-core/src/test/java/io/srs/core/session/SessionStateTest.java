package io.srs.core.session;

import static io.srs.core.session.SessionState.ACTIVE;
import static io.srs.core.session.SessionState.CLOSED;
import static io.srs.core.session.SessionState.ENDING;
import static io.srs.core.session.SessionState.FAILED;
import static io.srs.core.session.SessionState.OFFERED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStateTest {

  /** The diagram of {@link SessionState}, written out once more. */
  private static Set<SessionState> legalFrom(SessionState from) {
    return switch (from) {
      case OFFERED -> EnumSet.of(ACTIVE, ENDING, FAILED);
      case ACTIVE -> EnumSet.of(ENDING, FAILED);
      case ENDING -> EnumSet.of(CLOSED, FAILED);
      case CLOSED, FAILED -> EnumSet.noneOf(SessionState.class);
    };
  }

  @ParameterizedTest
  @EnumSource(SessionState.class)
  void exactlyTheDiagramsMovesAreLegal(SessionState from) {
    for (SessionState to : SessionState.values()) {
      assertThat(from.canMoveTo(to))
          .as("%s -> %s", from, to)
          .isEqualTo(legalFrom(from).contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(SessionState.class)
  void noStateMovesToItself(SessionState state) {
    assertThat(state.canMoveTo(state)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = SessionState.class,
      names = {"CLOSED", "FAILED"})
  void onlyClosedAndFailedAreTerminal(SessionState state) {
    assertThat(state.isTerminal()).isTrue();
    assertThat(EnumSet.complementOf(EnumSet.of(CLOSED, FAILED)))
        .allSatisfy(other -> assertThat(other.isTerminal()).isFalse());
  }

  @ParameterizedTest
  @EnumSource(
      value = SessionState.class,
      names = {"OFFERED", "ACTIVE"})
  void aLiveSessionCannotCloseWithoutEndingFirst(SessionState state) {
    assertThat(state.canMoveTo(CLOSED)).isFalse();
  }
}
