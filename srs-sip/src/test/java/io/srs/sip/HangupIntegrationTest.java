package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
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
 * The recorder ends a call itself (RFC 3261 §15.1.1) over real UDP on 127.0.0.1: the domain's
 * hang-up becomes a BYE in the call's dialog with a Reason header (RFC 3326), never for a call the
 * SRC ended, never before our 2xx is acknowledged.
 */
class HangupIntegrationTest {
  @RegisterExtension static final SipServerExtension sip = SipServerExtension.udp();

  private static final FakeRecordingService service = sip.service();

  private TestRequest request(RawSipClient client, String method, String callId) {
    return TestRequest.from(client, sip.port(), method, callId);
  }

  /** INVITE and its 200, not yet acknowledged. */
  private RawResponse answered(RawSipClient client, String callId) throws Exception {
    client.send(
        request(client, "INVITE", callId)
            .header("Require", "siprec")
            .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA))
            .build());
    return client.await(200, "INVITE");
  }

  private void ack(RawSipClient client, String callId, RawResponse ok) throws Exception {
    client.send(request(client, "ACK", callId).toTag(ok.toTag()).cseq(1, "ACK").build());
  }

  /** INVITE, 200, ACK; returns the 200 once the domain has heard the ACK. */
  private RawResponse established(RawSipClient client, String callId) throws Exception {
    RawResponse ok = answered(client, callId);
    ack(client, callId, ok);
    await().atMost(Duration.ofSeconds(5)).until(() -> service.acknowledged.size() == 1);
    return ok;
  }

  private static RecordingId recording() {
    return service.accepted.get(0);
  }

  @Test
  void aRecordingTheRecorderEndsIsHungUpWithAByeThatSaysWhy() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      RawResponse ok = established(client, callId);

      sip.server().hangUp(recording(), EndReason.MEDIA_TIMEOUT);
      RawRequest bye = client.awaitRequest("BYE", Duration.ofSeconds(5));
      client.respond(bye, 200, "OK");

      assertThat(bye.header("Reason")).isEqualTo("SIP;cause=408;text=\"media timeout\"");
      assertThat(bye.header("Call-ID")).isEqualTo(callId);
      assertThat(bye.header("From")).contains("tag=" + ok.toTag());
      assertThat(bye.header("CSeq")).endsWith("BYE");
      assertThat(bye.header("User-Agent")).startsWith("SRS");
      assertThat(sip.server().dialogCount()).isZero();
      client.drain(Duration.ofSeconds(1)); // past T1: no retransmission once answered
      assertThat(client.requests).containsExactly(bye);
    }
  }

  @Test
  void aShutdownSaysSoWith503() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      established(client, UUID.randomUUID() + "@192.0.2.10");

      sip.server().hangUp(recording(), EndReason.SHUTDOWN);
      RawRequest bye = client.awaitRequest("BYE", Duration.ofSeconds(5));
      client.respond(bye, 200, "OK");

      assertThat(bye.header("Reason")).isEqualTo("SIP;cause=503;text=\"recorder shutting down\"");
    }
  }

  @Test
  void aCallTheSrcEndedWithItsOwnByeGetsNoByeBack() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      RawResponse ok = established(client, callId);
      client.send(request(client, "BYE", callId).toTag(ok.toTag()).cseq(2, "BYE").build());
      client.await(200, "BYE");

      sip.server().hangUp(recording(), EndReason.BYE);
      sip.server().hangUp(recording(), EndReason.SHUTDOWN); // late, from a racing shutdown

      client.drain(Duration.ofMillis(700));
      assertThat(client.requests).isEmpty();
    }
  }

  @Test
  void aRecordingEndedBeforeItsAckIsHungUpWhenTheAckArrives() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      RawResponse ok = answered(client, callId);

      sip.server().hangUp(recording(), EndReason.SHUTDOWN);
      client.drain(Duration.ofMillis(700)); // RFC 3261 §15: no BYE before the ACK
      assertThat(client.requests).isEmpty();
      ack(client, callId, ok);
      RawRequest bye = client.awaitRequest("BYE", Duration.ofSeconds(5));
      client.respond(bye, 200, "OK");

      assertThat(bye.header("Reason")).contains("cause=503");
      assertThat(sip.server().dialogCount()).isZero();
    }
  }

  @Test
  void aByeTheSrcRefusesWith481IsDroppedWithoutRetrying() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      established(client, UUID.randomUUID() + "@192.0.2.10");

      sip.server().hangUp(recording(), EndReason.MEDIA_TIMEOUT);
      RawRequest bye = client.awaitRequest("BYE", Duration.ofSeconds(5));
      client.respond(bye, 481, "Call/Transaction Does Not Exist");

      client.drain(Duration.ofSeconds(1));
      assertThat(client.requests).containsExactly(bye);
      assertThat(sip.server().dialogCount()).isZero();
    }
  }
}
