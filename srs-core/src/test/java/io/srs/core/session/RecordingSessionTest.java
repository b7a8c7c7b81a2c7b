package io.srs.core.session;

import static io.srs.core.session.SessionState.ACTIVE;
import static io.srs.core.session.SessionState.CLOSED;
import static io.srs.core.session.SessionState.ENDING;
import static io.srs.core.session.SessionState.FAILED;
import static io.srs.core.session.SessionState.OFFERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaReport;
import io.srs.core.port.MediaSession;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.StoredRecording;
import io.srs.core.port.TrackSink;
import io.srs.core.port.TrackSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordingSessionTest {
  private static final Instant T0 = Instant.parse("2026-11-25T18:50:46Z");

  private final RecordingSession session = newSession();

  private static RecordingSession newSession() {
    RecordingHandle handle =
        new RecordingHandle() {
          @Override
          public String location() {
            return "/vault/x";
          }

          @Override
          public TrackSink openTrack(TrackSpec spec) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void addMetadata(RawMetadata metadata) {}

          @Override
          public StoredRecording finish(RecordingSummary summary) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void abort() {}
        };
    MediaSession media =
        new MediaSession() {
          @Override
          public int rtpPort(int index) {
            return 40000 + 2 * index;
          }

          @Override
          public void setPaused(int index, boolean paused, io.srs.core.port.GapCause cause) {}

          @Override
          public void rekey(int index, io.srs.core.media.SrtpKeys keys) {}

          @Override
          public CompletionStage<MediaReport> close() {
            return new CompletableFuture<>();
          }
        };
    return new RecordingSession(
        new RecordingId("20261125T185046Z-0123456789abcdef"),
        "call-1@src",
        "sip:src@example.com",
        "sip:srs@example.com",
        T0,
        T0,
        List.of(),
        RecordingMetadata.EMPTY,
        handle,
        media);
  }

  @Test
  void aNewSessionIsOffered() {
    assertThat(session.state()).isEqualTo(OFFERED);
  }

  @Test
  void theHappyPathMovesThroughEveryState() {
    assertThat(session.moveTo(ACTIVE)).isTrue();
    assertThat(session.moveTo(ENDING)).isTrue();
    assertThat(session.moveTo(CLOSED)).isTrue();
    assertThat(session.state()).isEqualTo(CLOSED);
  }

  @Test
  void aCancelledOfferEndsWithoutBecomingActive() {
    assertThat(session.moveTo(ENDING)).isTrue();
    assertThat(session.state()).isEqualTo(ENDING);
  }

  @Test
  void aDuplicateMoveReturnsFalse() {
    session.moveTo(ACTIVE);
    session.moveTo(ENDING);

    assertThat(session.moveTo(ENDING)).isFalse();
    assertThat(session.state()).isEqualTo(ENDING);
  }

  @Test
  void aLateAckAfterTheByeReturnsFalse() {
    session.moveTo(ENDING);

    assertThat(session.moveTo(ACTIVE)).isFalse();
    assertThat(session.state()).isEqualTo(ENDING);
  }

  @Test
  void aLateFailureAfterClosingReturnsFalseAndKeepsClosed() {
    session.moveTo(ENDING);
    session.moveTo(CLOSED);

    assertThat(session.moveTo(FAILED)).isFalse();
    assertThat(session.state()).isEqualTo(CLOSED);
  }

  @Test
  void aLateEndAfterFailingReturnsFalse() {
    session.moveTo(FAILED);

    assertThat(session.moveTo(ENDING)).isFalse();
    assertThat(session.moveTo(CLOSED)).isFalse();
    assertThat(session.state()).isEqualTo(FAILED);
  }

  @Test
  void closingWithoutEndingIsImpossibleAndThrows() {
    assertThatThrownBy(() -> session.moveTo(CLOSED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("20261125T185046Z-0123456789abcdef: illegal transition OFFERED -> CLOSED");
    assertThat(session.state()).isEqualTo(OFFERED);
  }

  @Test
  void anActiveSessionCannotCloseWithoutEnding() {
    session.moveTo(ACTIVE);

    assertThatThrownBy(() -> session.moveTo(CLOSED)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void racingEndsLetExactlyOneWin() throws Exception {
    session.moveTo(ACTIVE);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return session.moveTo(ENDING);
                }));
      }
      start.countDown();
      long winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(10, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void markEndedKeepsWhenAndWhy() {
    session.markEnded(T0.plusSeconds(60), EndReason.BYE);

    assertThat(session.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(session.endReason()).isEqualTo(EndReason.BYE);
  }
}
