package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * Who sends a BYE when (RFC 3261 §15): the recorder hangs up the calls it ends itself, exactly
 * once, never one the SRC ended, never before the ACK; the Reason header says why (RFC 3326).
 */
class HangupTest {
  private final HandlerFixture fixture = new HandlerFixture();

  private RecordingId recording() {
    return fixture.service.accepted.get(0);
  }

  private Reply srcBye(String callId, String toTag) {
    return fixture
        .send(Requests.of("BYE").callId(callId).toTag(toTag).branch("z9hG4bK-src-bye").build())
        .last();
  }

  @Test
  void aRecordingTheDomainEndsIsHungUpWithItsReasonAndTheDialogForgotten() {
    String tag = fixture.establishedCall("h1");

    fixture.dispatcher.recordingEnded(recording(), EndReason.MEDIA_TIMEOUT);

    assertThat(fixture.byes).containsExactly(tag + " SIP;cause=408;text=\"media timeout\"");
    assertThat(fixture.dispatcher.dialogCount()).isZero();
    assertThat(srcBye("h1", tag).status()).isEqualTo(481);
  }

  @Test
  void theSrcsOwnEndIsNeverAnsweredWithABye() {
    String tag = fixture.establishedCall("h2");
    srcBye("h2", tag);

    fixture.dispatcher.recordingEnded(recording(), EndReason.BYE);
    fixture.dispatcher.recordingEnded(recording(), EndReason.SHUTDOWN);

    assertThat(fixture.byes).isEmpty();
  }

  @Test
  void aByeOrCancelReasonSendsNothingEvenWhileTheDialogIsHeld() {
    fixture.establishedCall("h3");

    fixture.dispatcher.recordingEnded(recording(), EndReason.BYE);
    fixture.dispatcher.recordingEnded(recording(), EndReason.CANCEL);

    assertThat(fixture.byes).isEmpty();
    assertThat(fixture.dispatcher.dialogCount()).isEqualTo(1);
  }

  @Test
  void endingTwiceHangsUpOnce() {
    fixture.establishedCall("h4");

    fixture.dispatcher.recordingEnded(recording(), EndReason.SHUTDOWN);
    fixture.dispatcher.recordingEnded(recording(), EndReason.SHUTDOWN);

    assertThat(fixture.byes).hasSize(1);
  }

  @Test
  void aRecordingEndedBeforeTheAckIsHungUpWhenTheAckComes() {
    Reply ok = fixture.send(Requests.siprecInvite().callId("h5").build()).last();

    fixture.dispatcher.recordingEnded(recording(), EndReason.SHUTDOWN);
    assertThat(fixture.byes).isEmpty();
    fixture.send(Requests.of("ACK").callId("h5").toTag(ok.toTag()).build());

    assertThat(fixture.byes)
        .containsExactly(ok.toTag() + " SIP;cause=503;text=\"recorder shutting down\"");
    assertThat(fixture.dispatcher.dialogCount()).isZero();
  }

  @Test
  void aRecordingEndedBeforeAnAckThatNeverComesIsHungUpOnceAtTheAckTimeout() {
    Reply ok = fixture.send(Requests.siprecInvite().callId("h6").build()).last();
    fixture.dispatcher.recordingEnded(recording(), EndReason.SHUTDOWN);

    fixture.scheduler.elapse();

    assertThat(fixture.byes).containsExactly(ok.toTag() + " SIP;cause=408;text=\"no ACK\"");
  }

  @Test
  void anUnacknowledgedAnswerIsHungUpAtTheAckTimeout() {
    Reply ok = fixture.send(Requests.siprecInvite().callId("h7").build()).last();

    fixture.scheduler.elapse();

    // RFC 3261 §13.3.1.4: the session SHOULD be terminated with a BYE.
    assertThat(fixture.byes).containsExactly(ok.toTag() + " SIP;cause=408;text=\"no ACK\"");
  }

  @Test
  void sessionTimerExpiryHangsUpOnceThoughTheDomainThenReportsTheEnd() {
    Reply ok =
        fixture
            .send(
                Requests.siprecInvite()
                    .callId("h8")
                    .header("Supported", "timer")
                    .header("Session-Expires", "1800")
                    .build())
            .last();
    fixture.send(Requests.of("ACK").callId("h8").toTag(ok.toTag()).build());

    fixture.scheduler.elapse();
    fixture.dispatcher.recordingEnded(recording(), EndReason.SESSION_EXPIRED);

    assertThat(fixture.byes)
        .containsExactly(ok.toTag() + " SIP;cause=408;text=\"session expired\"");
  }

  @Test
  void everyRecorderSideReasonHasAReasonHeaderAndTheSrcsOwnHaveNone() {
    for (EndReason reason : EndReason.values()) {
      if (reason.endedBySrc()) {
        assertThatThrownBy(() -> Hangup.reasonHeader(reason))
            .isInstanceOf(IllegalArgumentException.class);
      } else {
        assertThat(Hangup.reasonHeader(reason)).matches("SIP;cause=[45]0[038];text=\"[a-zA-Z ]+\"");
      }
    }
  }
}
