package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.session.EndReason;
import io.srs.sip.handler.SessionTimerPolicy;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawRequest;
import io.srs.sip.testing.RawResponse;
import io.srs.sip.testing.RawSipClient;
import io.srs.sip.testing.TestRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 4028 session timers over real UDP on 127.0.0.1. The server runs with a 1 s minimum (the
 * production minimum is 90 s) so that a 3 s session expires in 2 s: 3 − min(32, 3/3).
 */
class SessionTimerIntegrationTest {
  @RegisterExtension
  static final SipServerExtension sip =
      SipServerExtension.udp().withSessionTimers(new SessionTimerPolicy(1, 86_400, 1_800));

  private static final FakeRecordingService service = sip.service();

  private TestRequest request(RawSipClient client, String method, String callId) {
    return TestRequest.from(client, sip.port(), method, callId);
  }

  /** INVITE with the compact forms {@code k:} and {@code x:}, 200, ACK; returns the 200. */
  private RawResponse establish(RawSipClient client, String callId) throws Exception {
    client.send(
        request(client, "INVITE", callId)
            .header("Require", "siprec")
            .header("k", "timer")
            .header("x", "3;refresher=uac")
            .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA))
            .build());
    RawResponse ok = client.await(200, "INVITE");
    client.send(request(client, "ACK", callId).toTag(ok.toTag()).cseq(1, "ACK").build());
    await().atMost(Duration.ofSeconds(5)).until(() -> service.acknowledged.size() == 1);
    return ok;
  }

  @Test
  void anUnrefreshedSessionIsHungUpWithAByeGivingTheReasonAndEndedAsExpired() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      RawResponse ok = establish(client, callId);

      assertThat(ok.header("Session-Expires")).matches("3;\\s*refresher=uac");
      assertThat(ok.header("Require")).isEqualToIgnoringCase("timer");
      RawRequest bye = client.awaitRequest("BYE", Duration.ofSeconds(10));
      client.respond(bye, 200, "OK");

      // RFC 4028 §10: the non-refresher hangs up; RFC 3326 says why.
      assertThat(bye.uri()).isEqualTo("sip:src@127.0.0.1:" + client.localPort());
      assertThat(bye.header("Call-ID")).isEqualTo(callId);
      assertThat(bye.header("From")).contains("tag=" + ok.toTag());
      assertThat(bye.header("To")).contains("tag=src-tag-1");
      assertThat(bye.header("Reason")).isEqualTo("SIP;cause=408;text=\"session expired\"");
      await().atMost(Duration.ofSeconds(5)).until(() -> !service.ended.isEmpty());
      assertThat(service.ended)
          .extracting(FakeRecordingService.End::reason)
          .containsExactly(EndReason.SESSION_EXPIRED);
      assertThat(sip.server().dialogCount()).isZero();
      client.drain(Duration.ofSeconds(1)); // past T1: an unanswered BYE would be retransmitted
      assertThat(client.requests).containsExactly(bye);

      client.send(request(client, "BYE", callId).toTag(ok.toTag()).cseq(2, "BYE").build());
      assertThat(client.await(481, "BYE").status()).isEqualTo(481);
    }
  }

  @Test
  void anUpdateRefreshKeepsTheSessionPastItsFirstExpiry() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      RawResponse ok = establish(client, callId);

      client.send(
          request(client, "UPDATE", callId)
              .toTag(ok.toTag())
              .cseq(2, "UPDATE")
              .header("Supported", "timer")
              .header("Session-Expires", "60;refresher=uac")
              .build());
      RawResponse refreshed = client.await(200, "UPDATE");

      assertThat(refreshed.header("Session-Expires")).matches("60;\\s*refresher=uac");
      client.drain(Duration.ofSeconds(3)); // past the first timer's 2 s
      assertThat(service.ended).isEmpty();
      assertThat(sip.server().dialogCount()).isEqualTo(1);

      client.send(request(client, "BYE", callId).toTag(ok.toTag()).cseq(3, "BYE").build());
      client.await(200, "BYE");
      // The 200 goes out before the recording is ended (ByeHandler), so wait for the end.
      await().atMost(Duration.ofSeconds(5)).until(() -> !service.ended.isEmpty());
      assertThat(service.ended)
          .extracting(FakeRecordingService.End::reason)
          .containsExactly(EndReason.BYE);
    }
  }

  @Test
  void anIntervalBelowTheMinimumGets422WithMinSeOverTheWire() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      client.send(
          request(client, "INVITE", UUID.randomUUID() + "@192.0.2.10")
              .header("Require", "siprec, timer")
              .header("Session-Expires", "0")
              .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA))
              .build());

      RawResponse tooSmall = client.await(422, "INVITE");

      assertThat(tooSmall.header("Min-SE")).isEqualTo("1");
      assertThat(service.offers).isEmpty();
    }
  }
}
