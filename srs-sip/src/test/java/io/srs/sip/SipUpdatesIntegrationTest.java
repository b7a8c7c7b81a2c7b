package io.srs.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedStream;
import io.srs.core.service.SessionUpdate;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RawResponse;
import io.srs.sip.testing.RawSipClient;
import io.srs.sip.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * re-INVITE, UPDATE and BYE carrying updates, over real UDP on 127.0.0.1, against a fake service
 * that mirrors directions the way the coordinator does.
 */
class SipUpdatesIntegrationTest {
  @RegisterExtension static final SipServerExtension sip = SipServerExtension.udp();

  private static final FakeRecordingService service = sip.service();

  private static final String TRANSFER_METADATA =
      Bodies.METADATA.replace("<datamode>complete</datamode>", "<datamode>partial</datamode>");

  private static final String PAUSED_SDP =
      Bodies.SDP
          .replace("o=SRC 2890844526 2890844526", "o=SRC 2890844526 2890844527")
          .replace("a=sendonly", "a=inactive");

  private TestRequest request(RawSipClient client, String method, String callId) {
    return TestRequest.from(client, sip.port(), method, callId);
  }

  /** INVITE, 200, ACK; returns our To tag. */
  private String establish(RawSipClient client, String callId) throws Exception {
    client.send(
        request(client, "INVITE", callId)
            .header("Require", "siprec")
            .body(Bodies.MULTIPART_TYPE, Bodies.multipart(Bodies.SDP, Bodies.METADATA))
            .build());
    String toTag = client.await(200, "INVITE").toTag();
    client.send(request(client, "ACK", callId).toTag(toTag).cseq(1, "ACK").build());
    await().atMost(Duration.ofSeconds(5)).until(() -> service.acknowledged.size() == 1);
    return toTag;
  }

  private static RawResponse awaitCseq(RawSipClient client, int status, int cseq) throws Exception {
    return client.await(
        r -> r.status() == status && r.header("CSeq").startsWith(cseq + " "),
        status + " to CSeq " + cseq);
  }

  @Test
  void reInviteWithNewMetadataAndInactiveStreamsIsAnsweredInactive() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      String toTag = establish(client, callId);

      client.send(
          request(client, "INVITE", callId)
              .toTag(toTag)
              .cseq(2, "INVITE")
              .body(Bodies.MULTIPART_TYPE, Bodies.multipart(PAUSED_SDP, TRANSFER_METADATA))
              .build());
      RawResponse ok = awaitCseq(client, 200, 2);
      client.send(request(client, "ACK", callId).toTag(toTag).cseq(2, "ACK").build());

      assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
      assertThat(ok.body())
          .contains("o=SRS ")
          .contains("m=audio 40000 RTP/AVP 0 101\r\n")
          .contains("m=audio 40002 RTP/AVP 8\r\n")
          .doesNotContain("a=recvonly");
      assertThat(ok.body().lines().filter(l -> l.equals("a=inactive"))).hasSize(2);
      assertThat(service.updates).hasSize(1);
      SessionUpdate update = service.updates.get(0);
      assertThat(update.trigger()).isEqualTo(SessionUpdate.Trigger.REINVITE);
      assertThat(update.streams())
          .extracting(OfferedStream::direction)
          .containsOnly(MediaDirection.INACTIVE);
      assertThat(new String(update.metadataBody(), StandardCharsets.UTF_8))
          .isEqualTo(TRANSFER_METADATA);
    }
  }

  @Test
  void updateWithMetadataOnlyGets200WithoutABody() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      String toTag = establish(client, callId);

      client.send(
          request(client, "UPDATE", callId)
              .toTag(toTag)
              .cseq(2, "UPDATE")
              .body("application/rs-metadata+xml", TRANSFER_METADATA)
              .build());
      RawResponse ok = awaitCseq(client, 200, 2);

      assertThat(ok.body()).isEmpty();
      assertThat(service.updates).hasSize(1);
      assertThat(service.updates.get(0).trigger()).isEqualTo(SessionUpdate.Trigger.UPDATE);
      assertThat(service.updates.get(0).hasOffer()).isFalse();
    }
  }

  @Test
  void byeWithMetadataUpdatesThenEndsTheRecording() throws Exception {
    try (RawSipClient client = RawSipClient.udp(sip.port())) {
      String callId = UUID.randomUUID() + "@192.0.2.10";
      String toTag = establish(client, callId);

      client.send(
          request(client, "BYE", callId)
              .toTag(toTag)
              .cseq(2, "BYE")
              .body("application/rs-metadata+xml", TRANSFER_METADATA)
              .build());
      awaitCseq(client, 200, 2);

      await().atMost(Duration.ofSeconds(5)).until(() -> service.calls.size() == 2);
      assertThat(service.calls).containsExactly("update BYE", "end BYE");
    }
  }
}
