package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedStream;
import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.service.SessionUpdate;
import io.srs.core.service.UpdateDecision;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.RecordingResponder;
import io.srs.sip.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** re-INVITE, UPDATE and BYE carrying SDP and/or metadata, as the domain sees them. */
class UpdateHandlersTest {
  private static final String CALL = "upd-1@192.0.2.10";

  /** Metadata that parses unless it says otherwise: the shapes core's parser refuses. */
  private final HandlerFixture fixture =
      new HandlerFixture(
          body -> {
            String xml = new String(body, StandardCharsets.UTF_8);
            if (xml.contains("<!DOCTYPE")) {
              throw new MetadataException(
                  MetadataException.Kind.FORBIDDEN_CONSTRUCT, "DOCTYPE is not allowed");
            }
            if (xml.contains("HUGE")) {
              throw new MetadataException(
                  MetadataException.Kind.TOO_LARGE, "metadata is 70000 bytes; limit 65536");
            }
            if (xml.contains("BROKEN")) {
              throw new MetadataException(
                  MetadataException.Kind.MALFORMED, "unexpected end of document at line 3");
            }
            return RecordingMetadata.EMPTY;
          });

  private final FakeRecordingService service = fixture.service;
  private final String toTag = fixture.establishedCall(CALL);

  private static final String NEW_METADATA =
      Bodies.METADATA.replace("<datamode>complete</datamode>", "<datamode>partial</datamode>");

  private static final String INACTIVE_SDP =
      Bodies.SDP
          .replace("o=SRC 2890844526 2890844526", "o=SRC 2890844526 2890844527")
          .replace("a=sendonly", "a=inactive");

  private Requests inDialog(String method, String branch) {
    return Requests.of(method).callId(CALL).toTag(toTag).branch(branch);
  }

  private RecordingResponder send(Requests request) {
    return fixture.send(request.build());
  }

  private static String text(Reply reply) {
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  @Test
  void reInviteWithInactiveStreamsReachesTheServiceWithThoseDirections() {
    Reply ok = send(inDialog("INVITE", "z9hG4bK-u1").body("application/sdp", INACTIVE_SDP)).last();

    assertThat(ok.status()).isEqualTo(200);
    SessionUpdate update = service.updates.get(0);
    assertThat(update.trigger()).isEqualTo(SessionUpdate.Trigger.REINVITE);
    assertThat(update.streams())
        .extracting(OfferedStream::direction)
        .containsExactly(MediaDirection.INACTIVE, MediaDirection.INACTIVE);
    assertThat(update.hasMetadata()).isFalse();
    assertThat(text(ok).lines().filter(l -> l.equals("a=inactive"))).hasSize(2);
    assertThat(text(ok)).doesNotContain("a=recvonly");
  }

  @Test
  void answerToANewOfferKeepsTheSessionIdAndIncrementsTheVersion() {
    Reply ok = send(inDialog("INVITE", "z9hG4bK-u2").body("application/sdp", INACTIVE_SDP)).last();
    Reply again = send(inDialog("INVITE", "z9hG4bK-u3").body("application/sdp", Bodies.SDP)).last();

    String[] first = origin(ok);
    String[] second = origin(again);
    assertThat(first[2]).isEqualTo("2");
    assertThat(second[1]).isEqualTo(first[1]);
    assertThat(second[2]).isEqualTo("3");
    assertThat(text(again).lines().filter(l -> l.equals("a=recvonly"))).hasSize(2);
  }

  private static String[] origin(Reply reply) {
    return text(reply).lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow().split(" ");
  }

  @Test
  void reInviteWithSdpAndMetadataPassesBothWithTheMetadataVerbatim() {
    Reply ok =
        send(inDialog("INVITE", "z9hG4bK-u4")
                .body(Bodies.MULTIPART_TYPE, Bodies.multipart(INACTIVE_SDP, NEW_METADATA)))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.contentType()).isEqualTo("application/sdp");
    SessionUpdate update = service.updates.get(0);
    assertThat(update.streams()).hasSize(2);
    assertThat(update.metadataContentType()).isEqualTo("application/rs-metadata+xml");
    assertThat(update.metadataBody()).isEqualTo(NEW_METADATA.getBytes(StandardCharsets.UTF_8));
    assertThat(update.metadata()).isSameAs(RecordingMetadata.EMPTY);
    assertThat(update.metadataProblem()).isNull();
    assertThat(update.receivedAt()).isEqualTo(Requests.RECEIVED);
  }

  @Test
  void offerlessReInviteWithMetadataGets200OfferingTheCurrentSession() {
    Reply ok =
        send(inDialog("INVITE", "z9hG4bK-u5").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(text(ok)).contains("m=audio 40000 RTP/AVP 0 101").contains("a=recvonly");
    assertThat(service.updates.get(0).hasOffer()).isFalse();
    assertThat(service.updates.get(0).hasMetadata()).isTrue();
  }

  @Test
  void updateWithMetadataOnlyGets200WithoutABody() {
    Reply ok =
        send(inDialog("UPDATE", "z9hG4bK-u6").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.contentType()).isNull();
    SessionUpdate update = service.updates.get(0);
    assertThat(update.trigger()).isEqualTo(SessionUpdate.Trigger.UPDATE);
    assertThat(update.streams()).isEmpty();
    assertThat(new String(update.metadataBody(), StandardCharsets.UTF_8)).isEqualTo(NEW_METADATA);
  }

  @Test
  void updateWithLegacyMetadataTypeKeepsTheTypeAsSent() {
    send(inDialog("UPDATE", "z9hG4bK-u7").body("application/RS-metadata", NEW_METADATA));

    assertThat(service.updates.get(0).metadataContentType()).isEqualTo("application/RS-metadata");
  }

  @Test
  void updateWithAnOfferGets200WithTheAnswer() {
    Reply ok = send(inDialog("UPDATE", "z9hG4bK-u8").body("application/sdp", INACTIVE_SDP)).last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.contentType()).isEqualTo("application/sdp");
    assertThat(text(ok).lines().filter(l -> l.equals("a=inactive"))).hasSize(2);
    assertThat(service.updates.get(0).trigger()).isEqualTo(SessionUpdate.Trigger.UPDATE);
  }

  @Test
  void updateWithAnOfferAndMetadataPassesBoth() {
    send(
        inDialog("UPDATE", "z9hG4bK-u9")
            .body(Bodies.MULTIPART_TYPE, Bodies.multipart(INACTIVE_SDP, NEW_METADATA)));

    assertThat(service.updates.get(0).hasOffer()).isTrue();
    assertThat(service.updates.get(0).hasMetadata()).isTrue();
  }

  @Test
  void malformedMetadataInAnUpdateIsPassedOnWithItsProblem() {
    String broken = "<recording BROKEN";

    Reply ok =
        send(inDialog("UPDATE", "z9hG4bK-u10").body("application/rs-metadata+xml", broken)).last();

    assertThat(ok.status()).isEqualTo(200);
    SessionUpdate update = service.updates.get(0);
    assertThat(update.metadata()).isNull();
    assertThat(update.metadataProblem()).isEqualTo("unexpected end of document at line 3");
    assertThat(update.metadataBody()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void doctypeInAnUpdateGets400AndNeverReachesTheService() {
    Reply reply =
        send(inDialog("INVITE", "z9hG4bK-u11")
                .body(
                    Bodies.MULTIPART_TYPE,
                    Bodies.multipart(Bodies.SDP, "<!DOCTYPE r [<!ENTITY a \"b\">]><r/>")))
            .last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).isEqualTo("Bad Request - metadata: DOCTYPE is not allowed");
    assertThat(service.updates).isEmpty();
  }

  @Test
  void oversizedMetadataInAnUpdateGets413() {
    Reply reply =
        send(inDialog("UPDATE", "z9hG4bK-u12").body("application/rs-metadata+xml", "<r>HUGE</r>"))
            .last();

    assertThat(reply.status()).isEqualTo(413);
    assertThat(service.updates).isEmpty();
  }

  @Test
  void refusedUpdateGetsTheDomainsStatusReasonAndWarning() {
    service.decideUpdatesWith(
        (id, update) ->
            new UpdateDecision.Refused(
                400, "Bad Request - unusable metadata: no root", 399, "metadata refused"));

    Reply reply =
        send(inDialog("UPDATE", "z9hG4bK-u13").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).isEqualTo("Bad Request - unusable metadata: no root");
    assertThat(reply.header("Warning")).isEqualTo("399 192.0.2.1:5060 \"metadata refused\"");
  }

  @Test
  void refusedOfferLeavesTheCurrentAnswerInPlace() {
    service.decideUpdatesWith((id, update) -> new UpdateDecision.Refused(488, null, 0, null));
    Reply refused =
        send(inDialog("INVITE", "z9hG4bK-u14").body("application/sdp", INACTIVE_SDP)).last();
    service.decideUpdatesWith(service::mirror);

    Reply offerless = send(inDialog("INVITE", "z9hG4bK-u15")).last();

    assertThat(refused.reason()).isEqualTo("Not Acceptable Here");
    assertThat(text(offerless)).contains("a=recvonly").doesNotContain("a=inactive");
  }

  @Test
  void answerThatDoesNotMatchTheOfferGets500() {
    service.decideUpdatesWith((id, update) -> new UpdateDecision.Applied(List.of()));

    Reply reply =
        send(inDialog("INVITE", "z9hG4bK-u16").body("application/sdp", INACTIVE_SDP)).last();

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.reason()).isEqualTo("Server Internal Error - cannot build the SDP answer");
  }

  @Test
  void serviceFailureOnAnUpdateGets500() {
    service.decideUpdatesWith(
        (id, update) -> {
          throw new IllegalStateException("boom");
        });

    Reply reply =
        send(inDialog("UPDATE", "z9hG4bK-u17").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(reply.status()).isEqualTo(500);
  }

  @Test
  void updateArrivingWhileAnotherIsProcessedGets500WithRetryAfter() {
    RecordingResponder overlapping = new RecordingResponder();
    service.decideUpdatesWith(
        (id, update) -> {
          fixture.dispatcher.dispatch(
              inDialog("UPDATE", "z9hG4bK-u19")
                  .body("application/rs-metadata+xml", NEW_METADATA)
                  .build(),
              overlapping);
          return service.mirror(id, update);
        });

    Reply first =
        send(inDialog("INVITE", "z9hG4bK-u18").body("application/sdp", INACTIVE_SDP)).last();

    assertThat(first.status()).isEqualTo(200);
    Reply second = overlapping.last();
    assertThat(second.status()).isEqualTo(500);
    assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(0, 10);
  }

  @Test
  void bodylessUpdateDoesNotBotherTheService() {
    Reply ok = send(inDialog("UPDATE", "z9hG4bK-u20")).last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(service.updates).isEmpty();
  }

  @Test
  void byeWithMetadataUpdatesTheRecordingThenEndsIt() {
    Reply ok =
        send(inDialog("BYE", "z9hG4bK-u21").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly("update BYE", "end BYE");
    assertThat(service.updates.get(0).streams()).isEmpty();
    assertThat(new String(service.updates.get(0).metadataBody(), StandardCharsets.UTF_8))
        .isEqualTo(NEW_METADATA);
  }

  @Test
  void byeWhoseMetadataIsRefusedStillGets200AndEnds() {
    service.decideUpdatesWith((id, update) -> new UpdateDecision.Refused(400, "no", 0, null));

    Reply ok =
        send(inDialog("BYE", "z9hG4bK-u22").body("application/rs-metadata+xml", NEW_METADATA))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly("update BYE", "end BYE");
  }

  @Test
  void byeWithADoctypeBodyEndsWithoutKeepingIt() {
    Reply ok =
        send(inDialog("BYE", "z9hG4bK-u23").body("application/rs-metadata+xml", "<!DOCTYPE r>"))
            .last();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(service.calls).containsExactly("end BYE");
  }

  @Test
  void byeWithoutABodyOnlyEnds() {
    send(inDialog("BYE", "z9hG4bK-u24"));

    assertThat(service.calls).containsExactly("end BYE");
  }
}
