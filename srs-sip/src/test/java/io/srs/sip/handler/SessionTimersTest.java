package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.session.EndReason;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.Requests;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 4028 session timers at a UAS that never refreshes, on a scheduler the test drives. */
class SessionTimersTest {
  private static final String CALL = "timer-1@192.0.2.10";

  /** 1800 − min(32, 1800/3) (RFC 4028 §10). */
  private static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(1768);

  private final HandlerFixture fixture = new HandlerFixture();
  private final FakeRecordingService service = fixture.service;

  private Reply invite(Requests request) {
    return fixture.send(request.callId(CALL).build()).last();
  }

  private static Requests timerInvite(String sessionExpires) {
    Requests invite = Requests.siprecInvite().header("Supported", "timer");
    return sessionExpires == null ? invite : invite.header("Session-Expires", sessionExpires);
  }

  /** INVITE with Session-Expires, 200, ACK; returns our To tag. */
  private String established(String sessionExpires) {
    Reply ok = invite(timerInvite(sessionExpires));
    assertThat(ok.status()).isEqualTo(200);
    fixture.send(Requests.of("ACK").callId(CALL).toTag(ok.toTag()).build());
    return ok.toTag();
  }

  private Reply inDialog(String method, String toTag, String branch, String sessionExpires) {
    Requests request =
        Requests.of(method).callId(CALL).toTag(toTag).branch(branch).header("Supported", "timer");
    if (sessionExpires != null) {
      request.header("Session-Expires", sessionExpires);
    }
    return fixture.send(request.build()).last();
  }

  @Test
  void requireTimerIsAcceptedRatherThanRefusedWith420() {
    Reply ok = invite(Requests.siprecInvite().header("Require", "timer"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Supported")).isEqualTo("siprec, timer");
  }

  @Test
  void anIntervalBelowOurMinimumGets422WithMinSe() {
    Reply reply = invite(timerInvite("60;refresher=uac"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.reason()).startsWith("Session Interval Too Small");
    assertThat(reply.header("Min-SE")).isEqualTo("90");
    assertThat(service.offers).isEmpty();
  }

  @Test
  void aMalformedSessionExpiresGets400NamingTheHeader() {
    Reply reply = invite(timerInvite("soon"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("Session-Expires \"soon\" is malformed");
    assertThat(service.offers).isEmpty();
  }

  @Test
  void aMalformedMinSeGets400NamingTheHeader() {
    Reply reply = invite(timerInvite("1800").header("Min-SE", "lots"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("Min-SE");
  }

  @Test
  void theCompactFormIsHonoured() {
    Reply ok = invite(Requests.siprecInvite().header("k", "timer").header("x", "600"));

    assertThat(ok.header("Session-Expires")).isEqualTo("600;refresher=uac");
  }

  @Test
  void theOkCarriesTheIntervalWithTheUacRefreshingAndRequireTimer() {
    Reply ok = invite(timerInvite("1800;refresher=uac"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).isEqualTo("1800;refresher=uac");
    assertThat(ok.header("Require")).isEqualTo("timer");
    assertThat(fixture.scheduler.delays()).contains(DEFAULT_EXPIRY);
  }

  @Test
  void aUacSupportingTimersWithoutProposingOneGetsOurDefault() {
    Reply ok = invite(timerInvite(null));

    assertThat(ok.header("Session-Expires")).isEqualTo("1800;refresher=uac");
    assertThat(ok.header("Require")).isEqualTo("timer");
  }

  @Test
  void ourDefaultNeverGoesBelowTheRequestsMinSe() {
    Reply ok = invite(timerInvite(null).header("Min-SE", "2000"));

    assertThat(ok.header("Session-Expires")).isEqualTo("2000;refresher=uac");
  }

  @Test
  void anIntervalAboveOurMaximumIsReducedToIt() {
    Reply ok = invite(timerInvite("100000"));

    assertThat(ok.header("Session-Expires")).isEqualTo("86400;refresher=uac");
  }

  @Test
  void aUacAskingUsToRefreshGetsNoTimerBecauseWeNeverRefresh() {
    Reply ok = invite(timerInvite("1800;refresher=uas"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).isNull();
    assertThat(ok.header("Require")).isNull();
    assertThat(fixture.scheduler.delays()).containsExactly(AckTimeout.ACK_WAIT);
  }

  @Test
  void aUacWithoutTimerSupportGetsNoTimerEvenWhenAProxyAddedSessionExpires() {
    Reply ok = invite(Requests.siprecInvite().header("Session-Expires", "1800"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).isNull();
    assertThat(fixture.scheduler.delays()).containsExactly(AckTimeout.ACK_WAIT);
  }

  @Test
  void expiryWithoutARefreshEndsTheRecordingAsSessionExpiredAndForgetsTheDialog() {
    String toTag = established("1800");

    fixture.scheduler.elapse();

    assertThat(service.ended)
        .containsExactly(
            new FakeRecordingService.End(service.accepted.get(0), EndReason.SESSION_EXPIRED));
    assertThat(fixture.dispatcher.dialogCount()).isZero();
    assertThat(inDialog("BYE", toTag, "z9hG4bK-bye", null).status()).isEqualTo(481);
  }

  @Test
  void anUpdateWithoutABodyRefreshesAndRestartsTheTimerWithItsInterval() {
    String toTag = established("1800");

    Reply ok = inDialog("UPDATE", toTag, "z9hG4bK-u1", "120;refresher=uac");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).isEqualTo("120;refresher=uac");
    assertThat(ok.header("Require")).isEqualTo("timer");
    // 120 − min(32, 40) = 88 s; the first timer is cancelled, not merely outlived.
    assertThat(fixture.scheduler.delays())
        .containsExactly(AckTimeout.ACK_WAIT, Duration.ofSeconds(88));
    fixture.scheduler.elapse();
    assertThat(service.ended)
        .extracting(FakeRecordingService.End::reason)
        .containsExactly(EndReason.SESSION_EXPIRED);
  }

  @Test
  void aReInviteWithoutABodyRefreshesTheTimer() {
    String toTag = established("1800");

    Reply ok = inDialog("INVITE", toTag, "z9hG4bK-r1", "900");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).isEqualTo("900;refresher=uac");
    // 900 − min(32, 300) = 868 s
    assertThat(fixture.scheduler.delays())
        .containsExactly(AckTimeout.ACK_WAIT, Duration.ofSeconds(868));
  }

  @Test
  void aRefreshWithoutSessionExpiresFromATimerCapableUacGetsOurDefault() {
    String toTag = established("600");

    Reply ok = inDialog("UPDATE", toTag, "z9hG4bK-u2", null);

    assertThat(ok.header("Session-Expires")).isEqualTo("1800;refresher=uac");
    assertThat(fixture.scheduler.delays()).containsExactly(AckTimeout.ACK_WAIT, DEFAULT_EXPIRY);
  }

  @Test
  void aRefusedRefreshLeavesTheRunningTimerAlone() {
    String toTag = established("1800");

    Reply reply = inDialog("UPDATE", toTag, "z9hG4bK-u3", "30");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.header("Min-SE")).isEqualTo("90");
    assertThat(fixture.scheduler.delays()).containsExactly(AckTimeout.ACK_WAIT, DEFAULT_EXPIRY);
  }

  @Test
  void byeCancelsTheTimer() {
    String toTag = established("1800");

    assertThat(inDialog("BYE", toTag, "z9hG4bK-bye", null).status()).isEqualTo(200);

    assertThat(fixture.scheduler.delays()).containsExactly(AckTimeout.ACK_WAIT);
    fixture.scheduler.elapse();
    assertThat(service.ended)
        .extracting(FakeRecordingService.End::reason)
        .containsExactly(EndReason.BYE);
  }

  @Test
  void aTimerAlreadyFiringWhenARefreshCancelledItChangesNothing() {
    String toTag = established("1800");
    inDialog("UPDATE", toTag, "z9hG4bK-u4", "1800");

    fixture.scheduler.runCancelled(); // the race: cancel() came too late to stop it

    assertThat(service.ended).isEmpty();
    assertThat(fixture.dispatcher.dialogCount()).isEqualTo(1);
  }

  @Test
  void expiryLeavesMin32SecondsOrAThirdOfTheInterval() {
    // RFC 4028 §10: the non-refresher acts min(32, interval/3) before the session expires.
    assertThat(new SessionTimerPolicy.Agreement(90).expiry()).isEqualTo(Duration.ofSeconds(60));
    assertThat(new SessionTimerPolicy.Agreement(1800).expiry()).isEqualTo(DEFAULT_EXPIRY);
    assertThat(new SessionTimerPolicy.Agreement(3).expiry()).isEqualTo(Duration.ofSeconds(2));
  }
}
