package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.session.EndReason;
import io.srs.sip.message.InboundRequest;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RecordingResponder;
import io.srs.sip.testing.Requests;
import org.junit.jupiter.api.Test;

class CancelHandlerTest {
  private final HandlerFixture fixture = new HandlerFixture();

  private RecordingResponder dispatchOnly(InboundRequest request) {
    RecordingResponder responder = new RecordingResponder();
    fixture.dispatcher.dispatch(request, responder);
    return responder;
  }

  @Test
  void cancelBeforeTheDecisionGets200AndTheInvite487AndNoOffer() {
    RecordingResponder invite = dispatchOnly(Requests.siprecInvite().branch("z9hG4bK-a").build());

    RecordingResponder cancel = dispatchOnly(Requests.of("CANCEL").branch("z9hG4bK-a").build());
    fixture.executor.runAll();

    assertThat(cancel.statuses()).containsExactly(200);
    assertThat(invite.statuses()).containsExactly(100, 487);
    assertThat(fixture.service.offers).isEmpty();
  }

  @Test
  void cancelWhileTheServiceDecidesEndsTheAcceptedRecording() {
    RecordingResponder invite = dispatchOnly(Requests.siprecInvite().branch("z9hG4bK-b").build());
    fixture.service.decideWith(
        offer -> {
          dispatchOnly(Requests.of("CANCEL").branch("z9hG4bK-b").build());
          return fixture.service.plan(offer);
        });

    fixture.executor.runAll();

    assertThat(invite.statuses()).containsExactly(100, 487);
    assertThat(fixture.service.ended)
        .containsExactly(
            new FakeRecordingService.End(fixture.service.accepted.get(0), EndReason.CANCEL));
  }

  @Test
  void cancelAfterTheAnswerGets200AndChangesNothing() {
    RecordingResponder invite = fixture.send(Requests.siprecInvite().branch("z9hG4bK-c").build());

    RecordingResponder cancel = fixture.send(Requests.of("CANCEL").branch("z9hG4bK-c").build());

    assertThat(cancel.statuses()).containsExactly(200);
    assertThat(invite.statuses()).containsExactly(100, 200);
    assertThat(fixture.service.ended).isEmpty();
  }

  @Test
  void cancelForNoInviteGets481() {
    RecordingResponder cancel = fixture.send(Requests.of("CANCEL").branch("z9hG4bK-none").build());

    assertThat(cancel.statuses()).containsExactly(481);
  }
}
