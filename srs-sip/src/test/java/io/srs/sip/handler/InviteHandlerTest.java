package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.metadata.MetadataException;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.service.OfferDecision;
import io.srs.sip.message.Reply;
import io.srs.sip.siprec.MetadataDecoder;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.RecordingResponder;
import io.srs.sip.testing.Requests;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InviteHandlerTest {
  private final HandlerFixture fixture = new HandlerFixture();

  @Test
  void siprecInviteGets100ThenA200WithTheAnswer() {
    RecordingResponder responder = fixture.send(Requests.siprecInvite().build());

    assertThat(responder.statuses()).containsExactly(100, 200);
    Reply ok = responder.last();
    assertThat(ok.contentType()).isEqualTo("application/sdp");
    assertThat(ok.header("Contact")).isEqualTo("<sip:srs@192.0.2.1:5060;transport=udp>;+sip.srs");
    assertThat(ok.toTag()).isNotBlank();
    assertThat(new String(ok.body(), StandardCharsets.UTF_8))
        .startsWith("v=0\r\no=SRS ")
        .contains("c=IN IP4 192.0.2.1\r\n")
        .contains("m=audio 40000 RTP/AVP 0 101\r\n");
  }

  @Test
  void theOfferCarriesStreamsMetadataAndCallIdentity() {
    fixture.send(Requests.siprecInvite().callId("abc@src").build());

    var offer = fixture.service.offers.get(0);
    assertThat(offer.callId()).isEqualTo("abc@src");
    assertThat(offer.fromUri()).isEqualTo("sip:src@example.com");
    assertThat(offer.source()).isEqualTo("192.0.2.10:5060/UDP");
    assertThat(offer.receivedAt()).isEqualTo(Requests.RECEIVED);
    assertThat(offer.streams()).hasSize(2);
    assertThat(offer.rawMetadata().version()).isEqualTo(1);
    assertThat(offer.rawMetadata().receivedAt()).isEqualTo(Requests.RECEIVED);
    assertThat(offer.rawMetadata().body())
        .isEqualTo(Bodies.METADATA.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void inviteWithoutAnySiprecSignIsForbidden() {
    RecordingResponder responder =
        fixture.send(Requests.of("INVITE").body("application/sdp", Bodies.SDP).build());

    assertThat(responder.last().status()).isEqualTo(403);
    assertThat(responder.last().reason())
        .isEqualTo("Not a SIPREC INVITE (no Require: siprec, +sip.src or metadata)");
    assertThat(fixture.service.offers).isEmpty();
  }

  @Test
  void singleSdpBodyWithSrcContactIsAccepted() {
    RecordingResponder responder =
        fixture.send(
            Requests.of("INVITE")
                .header("Contact", "<sip:src@192.0.2.10>;src")
                .body("application/sdp", Bodies.SDP)
                .build());

    assertThat(responder.last().status()).isEqualTo(200);
    assertThat(fixture.service.offers.get(0).rawMetadata()).isNull();
  }

  @Test
  void unsupportedContentTypeGets415WithAccept() {
    Reply reply =
        fixture
            .send(
                Requests.of("INVITE").header("Require", "siprec").body("text/plain", "hi").build())
            .last();

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.reason())
        .isEqualTo(
            "Unsupported Media Type - Content-Type text/plain is not supported; expected"
                + " application/sdp, application/rs-metadata+xml or multipart/mixed");
    assertThat(reply.header("Accept")).contains("application/sdp").contains("multipart/mixed");
  }

  @Test
  void inviteWithoutAnOfferGets400SayingOfferlessIsOutOfScope() {
    Reply reply = fixture.send(Requests.of("INVITE").header("Require", "siprec").build()).last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("offerless INVITE is out of scope");
  }

  @Test
  void multipartWithoutAnSdpPartGets400() {
    String onlyMetadata =
        "--b\r\nContent-Type: application/rs-metadata+xml\r\n\r\n" + Bodies.METADATA + "\r\n--b--";
    Reply reply =
        fixture
            .send(Requests.of("INVITE").body("multipart/mixed;boundary=b", onlyMetadata).build())
            .last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("without an SDP offer");
  }

  @Test
  void brokenMultipartGets400SayingWhatWasWrong() {
    Reply reply =
        fixture
            .send(
                Requests.of("INVITE")
                    .header("Require", "siprec")
                    .body("multipart/mixed", Bodies.multipart(Bodies.SDP, Bodies.METADATA))
                    .build())
            .last();

    assertThat(reply.reason())
        .isEqualTo("Bad Request - multipart/mixed Content-Type has no boundary parameter");
  }

  @Test
  void brokenSdpGets400NamingTheLine() {
    String broken = Bodies.SDP.replace("m=audio 10000 RTP/AVP 0 101", "m=audio 10000 RTP/AVP");
    Reply reply =
        fixture
            .send(
                Requests.of("INVITE")
                    .header("Require", "siprec")
                    .body("application/sdp", broken)
                    .build())
            .last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason())
        .isEqualTo(
            "Bad Request - SDP line 6: m= has 3 fields; expected <media> <port> <proto> <fmt> ...");
  }

  @Test
  void oversizedMetadataGets413() {
    HandlerFixture tooLarge =
        new HandlerFixture(
            body -> {
              throw new MetadataException(
                  MetadataException.Kind.TOO_LARGE, "metadata is 70000 bytes; limit 65536");
            });

    Reply reply = tooLarge.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.reason())
        .isEqualTo("Request Entity Too Large - metadata: metadata is 70000 bytes; limit 65536");
  }

  @Test
  void malformedMetadataGets400WithTheParsersReason() {
    HandlerFixture malformed =
        new HandlerFixture(
            body -> {
              throw new MetadataException(
                  MetadataException.Kind.FORBIDDEN_CONSTRUCT, "DOCTYPE is not allowed");
            });

    Reply reply = malformed.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).isEqualTo("Bad Request - metadata: DOCTYPE is not allowed");
    assertThat(malformed.service.offers).isEmpty();
  }

  @Test
  void malformedMetadataIsOfferedWithItsProblemForCoresPolicyToDecide() {
    HandlerFixture malformed =
        new HandlerFixture(
            body -> {
              throw new MetadataException(
                  MetadataException.Kind.MALFORMED, "element <recording> is not closed");
            });

    Reply reply = malformed.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(200);
    var offer = malformed.service.offers.get(0);
    assertThat(offer.metadataProblem()).isEqualTo("element <recording> is not closed");
    assertThat(offer.metadata()).isSameAs(RecordingMetadata.EMPTY);
    assertThat(offer.rawMetadata().body())
        .isEqualTo(Bodies.METADATA.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tooDeepMetadataIsOfferedWithItsProblem() {
    HandlerFixture deep =
        new HandlerFixture(
            body -> {
              throw new MetadataException(
                  MetadataException.Kind.TOO_DEEP, "XML nesting deeper than 32");
            });

    deep.send(Requests.siprecInvite().build());

    assertThat(deep.service.offers.get(0).metadataProblem())
        .isEqualTo("XML nesting deeper than 32");
  }

  @Test
  void strictPolicyRejectionFromCoreIsAnsweredAsIs() {
    HandlerFixture strict =
        new HandlerFixture(
            body -> {
              throw new MetadataException(MetadataException.Kind.MALFORMED, "not XML");
            });
    strict.service.decideWith(
        offer ->
            new OfferDecision.Rejected(
                400,
                "Bad Request - unusable recording metadata: " + offer.metadataProblem(),
                0,
                null,
                0));

    Reply reply = strict.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).isEqualTo("Bad Request - unusable recording metadata: not XML");
  }

  @Test
  void inviteWithoutMetadataButRequireSiprecIsOfferedWithoutMetadata() {
    Reply reply =
        fixture
            .send(
                Requests.of("INVITE")
                    .header("Require", "siprec")
                    .body("application/sdp", Bodies.SDP)
                    .build())
            .last();

    assertThat(reply.status()).isEqualTo(200);
    var offer = fixture.service.offers.get(0);
    assertThat(offer.rawMetadata()).isNull();
    assertThat(offer.metadataProblem()).isNull();
    assertThat(offer.metadata()).isSameAs(RecordingMetadata.EMPTY);
  }

  @Test
  void theOfferCarriesEveryHeaderLowerCasedWithCompactFormsExpanded() {
    fixture.send(
        Requests.siprecInvite()
            .header("X-Genesys-ConversationId", "7f3c2a9e-0b1d-4c55-9a61-1d2e3f405162")
            .header("x-genesys-agentid", "agent-17")
            .header("X-Genesys-AgentId", "agent-18")
            .header("k", "siprec")
            .build());

    var offer = fixture.service.offers.get(0);
    assertThat(offer.headers().get("x-genesys-conversationid"))
        .containsExactly("7f3c2a9e-0b1d-4c55-9a61-1d2e3f405162");
    assertThat(offer.headers().get("x-genesys-agentid")).containsExactly("agent-17", "agent-18");
    assertThat(offer.headers().get("supported")).containsExactly("siprec");
    assertThat(offer.headers().get("require")).containsExactly("siprec");
    assertThat(offer.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
    assertThat(offer.header("X-Genesys-AgentId")).isEqualTo("agent-17");
  }

  @Test
  void broadWorksInviteWithSrcContactAndLegacyMetadataTypeIsAccepted() {
    String metadata =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
            + "<recording_metadata xmlns=\"urn:ietf:params:xml:ns:siprec\">\r\n"
            + "  <dataMode>complete</dataMode>\r\n"
            + "  <session id=\"s1\"><sipSessionID>abc;remote=def</sipSessionID></session>\r\n"
            + "  <extensiondata parent=\"s1\"><bw:callId xmlns:bw=\"http://broadsoft\">c1</bw:callId>"
            + "</extensiondata>\r\n"
            + "</recording_metadata>\r\n";
    String body =
        Bodies.multipart(Bodies.SDP, metadata)
            .replace("application/rs-metadata+xml", "application/rs-metadata");
    HandlerFixture withCore =
        new HandlerFixture(MetadataDecoder.of(new MetadataParser(MetadataLimits.DEFAULT)));

    Reply reply =
        withCore
            .send(
                Requests.of("INVITE")
                    .header("Contact", "<sip:+15551230000@192.0.2.10:5060>;src")
                    .body(Bodies.MULTIPART_TYPE, body)
                    .build())
            .last();

    assertThat(reply.status()).isEqualTo(200);
    var offer = withCore.service.offers.get(0);
    // Whether core's parser reads this dialect is core's affair: SIP accepts and passes it on.
    assertThat(offer.rawMetadata().contentType()).isEqualTo("application/rs-metadata");
    assertThat(new String(offer.rawMetadata().body(), StandardCharsets.UTF_8)).isEqualTo(metadata);
  }

  @Test
  void coreMetadataParserIsPluggedInAsIs() {
    MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);
    HandlerFixture withCore = new HandlerFixture(MetadataDecoder.of(parser));

    Reply reply = withCore.send(Requests.siprecInvite().build()).last();

    // Whatever core decides: an accepted call, or a 4xx carrying its reason; never a crash.
    assertThat(reply.status()).isIn(200, 400, 413);
  }

  @Test
  void rejectionCarriesStatusReasonWarningAndRetryAfter() {
    fixture.service.decideWith(
        offer -> new OfferDecision.Rejected(503, "Recorder at capacity", 399, "full \"now\"", 5));

    Reply reply = fixture.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.reason()).isEqualTo("Recorder at capacity");
    assertThat(reply.header("Warning")).isEqualTo("399 192.0.2.1:5060 \"full \\\"now\\\"\"");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
  }

  @Test
  void rejectionWithoutWarningOrRetryAfterCarriesNeither() {
    fixture.service.decideWith(
        offer -> new OfferDecision.Rejected(488, "Not Acceptable Here", 0, null, 0));

    Reply reply = fixture.send(Requests.siprecInvite().build()).last();

    assertThat(reply.header("Warning")).isNull();
    assertThat(reply.header("Retry-After")).isNull();
  }

  @Test
  void serviceFailureGets500NotSilence() {
    fixture.service.decideWith(
        offer -> {
          throw new IllegalStateException("boom");
        });

    Reply reply = fixture.send(Requests.siprecInvite().build()).last();

    assertThat(reply.status()).isEqualTo(500);
  }

  @Test
  void sameTransactionTwiceMakesOneOffer() {
    var invite = Requests.siprecInvite().build();

    RecordingResponder first = fixture.send(invite);
    RecordingResponder second = fixture.send(invite);

    assertThat(first.statuses()).containsExactly(100, 200);
    assertThat(second.sent).isEmpty();
    assertThat(fixture.service.offers).hasSize(1);
  }

  @Test
  void theSameInviteArrivingByAnotherPathIsRefusedAsMergedNotRecordedTwice() {
    fixture.send(
        Requests.siprecInvite()
            .callId("forked@src")
            .branch("z9hG4bK-a")
            .header("CSeq", "1 INVITE")
            .build());

    RecordingResponder second =
        fixture.send(
            Requests.siprecInvite()
                .callId("forked@src")
                .branch("z9hG4bK-b")
                .header("CSeq", "1 INVITE")
                .build());

    assertThat(second.last().status()).isEqualTo(482);
    assertThat(second.last().reason()).contains("Loop Detected");
    assertThat(fixture.service.offers).hasSize(1);
  }

  @Test
  void aNewInviteOfTheSameCallWithANewCSeqIsNotAMergedRequest() {
    fixture.send(
        Requests.siprecInvite()
            .callId("again@src")
            .branch("z9hG4bK-a")
            .header("CSeq", "1 INVITE")
            .build());

    RecordingResponder second =
        fixture.send(
            Requests.siprecInvite()
                .callId("again@src")
                .branch("z9hG4bK-b")
                .header("CSeq", "2 INVITE")
                .build());

    assertThat(second.last().status()).isNotEqualTo(482);
  }

  @Test
  void refusalsMadeBySipAreReportedToTheDomainWithTheirReason() {
    fixture.send(Requests.of("INVITE").body("application/sdp", Bodies.SDP).build());

    assertThat(fixture.service.refusals).containsExactly("403 not-siprec");
  }
}
