package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.session.EndReason;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawResponse;
import io.srs.sip.testing.RawSipClient;
import io.srs.sip.testing.TestRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIP server over real UDP and TCP sockets on 127.0.0.1, driven with raw SIP text. One server
 * for the class (stopping a JAIN-SIP stack takes a second); every test uses its own Call-ID.
 */
class SipServerIntegrationTest {
  @RegisterExtension
  static final SipServerExtension sip =
      SipServerExtension.on(EnumSet.of(SipTransport.UDP, SipTransport.TCP));

  private static final FakeRecordingService service = sip.service();

  private RawSipClient client(String transport) throws Exception {
    return transport.equals("UDP") ? RawSipClient.udp(sip.port()) : RawSipClient.tcp(sip.port());
  }

  private static String callId() {
    return UUID.randomUUID() + "@192.0.2.10";
  }

  private TestRequest request(RawSipClient client, String method, String callId) {
    return TestRequest.of(method)
        .transport(client.transport())
        .ports(client.localPort(), sip.port())
        .callId(callId)
        .branch("z9hG4bK-" + UUID.randomUUID());
  }

  private TestRequest siprecInvite(RawSipClient client, String callId) {
    return request(client, "INVITE", callId)
        .header("Require", "siprec")
        .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void siprecInviteIsAnsweredAcknowledgedAndEndedByBye(String transport) throws Exception {
    try (RawSipClient client = client(transport)) {
      String callId = callId();
      client.send(siprecInvite(client, callId).build());

      client.await(100, "INVITE");
      RawResponse ok = client.await(200, "INVITE");
      assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
      assertThat(ok.header("Contact"))
          .contains("+sip.srs")
          .contains("transport=" + transport.toLowerCase());
      assertThat(ok.header("Server")).isEqualTo("SRS/0.1");
      assertThat(ok.body())
          .contains("c=IN IP4 127.0.0.1")
          .contains(
              "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                  + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"
                  + "a=label:1\r\na=recvonly")
          .contains("m=audio 40002 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=label:2\r\na=recvonly");
      assertThat(service.offers).hasSize(1);
      assertThat(service.offers.get(0).callId()).isEqualTo(callId);
      assertThat(service.offers.get(0).rawMetadata().contentType())
          .isEqualTo("application/rs-metadata+xml");
      assertThat(new String(service.offers.get(0).rawMetadata().body())).isEqualTo(Bodies.METADATA);

      String toTag = ok.toTag();
      client.send(request(client, "ACK", callId).toTag(toTag).cseq(1, "ACK").build());
      await().atMost(Duration.ofSeconds(5)).until(() -> service.acknowledged.size() == 1);
      assertThat(service.acknowledged).containsExactly(service.accepted.get(0));

      client.send(request(client, "BYE", callId).toTag(toTag).cseq(2, "BYE").build());
      client.await(200, "BYE");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  service.ended.equals(
                      List.of(
                          new FakeRecordingService.End(service.accepted.get(0), EndReason.BYE))));
      client.send(request(client, "BYE", callId).toTag(toTag).cseq(3, "BYE").build());
      client.await(481, "BYE");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void optionsIsAnsweredWithWhatWeSupport(String transport) throws Exception {
    try (RawSipClient client = client(transport)) {
      client.send(request(client, "OPTIONS", callId()).build());
      RawResponse ok = client.await(200, "OPTIONS");
      assertThat(ok.header("Allow")).contains("INVITE").contains("BYE").contains("CANCEL");
      assertThat(ok.header("Supported")).contains("siprec");
      assertThat(ok.header("Accept")).contains("multipart/mixed");
    }
  }

  @Test
  void optionsIsAnswered503WhenTheRecorderTakesNoCalls() throws Exception {
    service.acceptingCalls = false;
    try (RawSipClient client = client("UDP")) {
      client.send(request(client, "OPTIONS", callId()).build());
      RawResponse unavailable = client.await(503, "OPTIONS");
      assertThat(unavailable.header("Retry-After")).isEqualTo("5");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void byeForAnUnknownDialogGets481(String transport) throws Exception {
    try (RawSipClient client = client(transport)) {
      client.send(request(client, "BYE", callId()).toTag("nobody").cseq(2, "BYE").build());
      client.await(481, "BYE");
    }
  }

  @Test
  void messageGets405WithAllow() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(request(client, "MESSAGE", callId()).body("text/plain", "hello").build());
      RawResponse notAllowed = client.await(405, "MESSAGE");
      assertThat(notAllowed.header("Allow")).contains("INVITE");
    }
  }

  @Test
  void unknownMethodGets501() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(request(client, "FOO", callId()).build());
      client.await(501, "FOO");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UDP", "TCP"})
  void brokenSdpGets400SayingWhichLine(String transport) throws Exception {
    String broken = Bodies.SDP.replace("m=audio 10002", "m=audio x");
    try (RawSipClient client = client(transport)) {
      client.send(
          request(client, "INVITE", callId())
              .header("Require", "siprec")
              .body(Bodies.MULTIPART_TYPE, Bodies.multipart(broken, Bodies.METADATA))
              .build());
      RawResponse bad = client.await(400, "INVITE");
      assertThat(bad.reason())
          .isEqualTo("Bad Request - SDP line 12: m= port \"x\" is not a number");
      assertThat(service.offers).isEmpty();
    }
  }

  @Test
  void nonSiprecInviteIsForbidden() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(
          request(client, "INVITE", callId())
              .contact("<sip:phone@127.0.0.1>")
              .body("application/sdp", Bodies.SDP)
              .build());
      RawResponse forbidden = client.await(403, "INVITE");
      assertThat(forbidden.reason())
          .isEqualTo("Not a SIPREC INVITE (no Require: siprec, +sip.src or metadata)");
    }
  }

  @Test
  void unknownRequireOptionGets420WithUnsupported() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(siprecInvite(client, callId()).header("Require", "100rel, siprec").build());
      RawResponse bad = client.await(420, "INVITE");
      assertThat(bad.header("Unsupported")).isEqualTo("100rel");
      assertThat(service.offers).isEmpty();
    }
  }

  @Test
  void retransmittedInviteMakesOneOfferOnly() throws Exception {
    service.blockOffers();
    try (RawSipClient client = client("UDP")) {
      String invite = siprecInvite(client, callId()).build();
      client.send(invite);
      client.await(100, "INVITE");
      client.send(invite);
      client.send(invite);
      client.drain(Duration.ofMillis(300));
      service.release();
      client.await(200, "INVITE");
      client.drain(Duration.ofMillis(300));
      assertThat(service.offers).hasSize(1);
    }
  }

  @Test
  void cancelBeforeTheAnswerGets487AndEndsTheAcceptedRecording() throws Exception {
    service.blockOffers();
    try (RawSipClient client = client("UDP")) {
      String callId = callId();
      TestRequest invite = siprecInvite(client, callId).branch("z9hG4bK-cancel-me");
      client.send(invite.build());
      client.await(100, "INVITE");
      await().atMost(Duration.ofSeconds(5)).until(() -> !service.offers.isEmpty());

      client.send(
          request(client, "CANCEL", callId).branch("z9hG4bK-cancel-me").cseq(1, "CANCEL").build());
      client.await(200, "CANCEL");
      RawResponse terminated = client.await(487, "INVITE");
      client.send(
          request(client, "ACK", callId)
              .branch("z9hG4bK-cancel-me")
              .toTag(terminated.toTag())
              .cseq(1, "ACK")
              .build());

      service.release();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  service.ended.equals(
                      List.of(
                          new FakeRecordingService.End(
                              service.accepted.get(0), EndReason.CANCEL))));
      assertThat(client.drain(Duration.ofMillis(300)))
          .noneMatch(r -> r.status() == 200 && r.cseqMethod().equals("INVITE"));
    }
  }

  @Test
  void reInviteResendsTheAnswerWithTheNextVersion() throws Exception {
    try (RawSipClient client = client("UDP")) {
      String callId = callId();
      client.send(siprecInvite(client, callId).build());
      RawResponse ok = client.await(200, "INVITE");
      String toTag = ok.toTag();
      client.send(request(client, "ACK", callId).toTag(toTag).cseq(1, "ACK").build());

      client.send(siprecInvite(client, callId).toTag(toTag).cseq(2, "INVITE").build());
      RawResponse again =
          client.await(
              r -> r.status() == 200 && r.header("CSeq").startsWith("2"), "200 to re-INVITE");
      String firstOrigin = ok.body().lines().filter(l -> l.startsWith("o=")).findFirst().get();
      String secondOrigin = again.body().lines().filter(l -> l.startsWith("o=")).findFirst().get();
      String[] first = firstOrigin.split(" ");
      String[] second = secondOrigin.split(" ");
      assertThat(second[1]).isEqualTo(first[1]);
      assertThat(Long.parseLong(second[2])).isEqualTo(Long.parseLong(first[2]) + 1);
      assertThat(service.offers).hasSize(1);
    }
  }

  @Test
  void recordRouteIsCopiedIntoThe200() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(
          siprecInvite(client, callId()).header("Record-Route", "<sip:192.0.2.99;lr>").build());
      RawResponse ok = client.await(200, "INVITE");
      assertThat(ok.header("Record-Route")).isEqualTo("<sip:192.0.2.99;lr>");
    }
  }

  @Test
  void compactHeaderFormsAreUnderstood() throws Exception {
    try (RawSipClient client = client("TCP")) {
      String body = Bodies.multipart(Bodies.SDP, Bodies.METADATA);
      String invite =
          "INVITE sip:srs@127.0.0.1:"
              + sip.port()
              + " SIP/2.0\r\n"
              + "v: SIP/2.0/TCP 127.0.0.1:"
              + client.localPort()
              + ";branch=z9hG4bK-compact\r\n"
              + "Max-Forwards: 70\r\n"
              + "f: <sip:src@example.com>;tag=c1\r\n"
              + "t: <sip:srs@example.com>\r\n"
              + "i: compact-"
              + UUID.randomUUID()
              + "\r\n"
              + "CSeq: 1 INVITE\r\n"
              + "m: <sip:src@127.0.0.1:"
              + client.localPort()
              + ";transport=tcp>;+sip.src\r\n"
              + "c: "
              + Bodies.MULTIPART_TYPE
              + "\r\n"
              + "l: "
              + body.length()
              + "\r\n\r\n"
              + body;
      client.send(invite);
      client.await(200, "INVITE");
      assertThat(service.offers).hasSize(1);
      assertThat(service.offers.get(0).streams()).hasSize(2);
    }
  }

  @Test
  void requestWithoutMaxForwardsGets400SayingSo() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send(request(client, "OPTIONS", callId()).build().replace("Max-Forwards: 70\r\n", ""));
      RawResponse bad = client.await(400, "OPTIONS");
      assertThat(bad.reason()).contains("Max-Forwards");
    }
  }

  @Test
  void garbageDatagramIsDroppedAndTheServerKeepsAnswering() throws Exception {
    try (RawSipClient client = client("UDP")) {
      client.send("\u0000\u0001 hello, not SIP at all\r\n\r\n");
      client.send("INVITE sip:x SIP/2.0\r\nContent-Length: 99999\r\n\r\n");
      client.send(request(client, "OPTIONS", callId()).build());
      client.await(200, "OPTIONS");
    }
  }
}
