package io.srs.sip.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.session.EndReason;
import io.srs.sip.message.DialogKey;
import io.srs.sip.message.Reply;
import io.srs.sip.testing.Bodies;
import io.srs.sip.testing.FakeRecordingService;
import io.srs.sip.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ACK, BYE, re-INVITE, UPDATE and the ACK timeout, on dialogs the INVITE handler created. */
class DialogHandlersTest {
  private final HandlerFixture fixture = new HandlerFixture();
  private final FakeRecordingService service = fixture.service;

  @Test
  void ackAcknowledgesTheRecordingOnce() {
    Reply ok = fixture.send(Requests.siprecInvite().build()).last();

    var ack = Requests.of("ACK").toTag(ok.toTag()).build();
    assertThat(fixture.send(ack).sent).isEmpty();
    fixture.send(ack);

    assertThat(service.acknowledged).containsExactly(service.accepted.get(0));
  }

  @Test
  void ackForAnUnknownDialogIsIgnored() {
    assertThat(fixture.send(Requests.of("ACK").toTag("nobody").build()).sent).isEmpty();
    assertThat(service.acknowledged).isEmpty();
  }

  @Test
  void byeGets200AndEndsTheRecording() {
    String tag = fixture.establishedCall("c1");

    Reply reply = fixture.send(Requests.of("BYE").callId("c1").toTag(tag).build()).last();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(service.ended)
        .containsExactly(new FakeRecordingService.End(service.accepted.get(0), EndReason.BYE));
    assertThat(fixture.dispatcher.dialogCount()).isZero();
  }

  @Test
  void byeForAnUnknownDialogGets481() {
    Reply reply = fixture.send(Requests.of("BYE").toTag("nobody").build()).last();

    assertThat(reply.status()).isEqualTo(481);
    assertThat(reply.reason()).isEqualTo("Call/Transaction Does Not Exist");
  }

  @Test
  void secondByeGets481() {
    String tag = fixture.establishedCall("c2");
    fixture.send(Requests.of("BYE").callId("c2").toTag(tag).build());

    assertThat(fixture.send(Requests.of("BYE").callId("c2").toTag(tag).build()).last().status())
        .isEqualTo(481);
    assertThat(service.ended).hasSize(1);
  }

  @Test
  void missingAckEndsTheRecordingWithNoAckAfter64T1() {
    Reply ok = fixture.send(Requests.siprecInvite().callId("c3").build()).last();

    assertThat(fixture.scheduler.delays()).containsExactly(Duration.ofSeconds(32));
    fixture.scheduler.elapse();

    assertThat(service.ended)
        .containsExactly(new FakeRecordingService.End(service.accepted.get(0), EndReason.NO_ACK));
    assertThat(
            fixture.send(Requests.of("BYE").callId("c3").toTag(ok.toTag()).build()).last().status())
        .isEqualTo(481);
  }

  @Test
  void ackInTimeKeepsTheRecordingWhenTheTimerFires() {
    fixture.establishedCall("c8");

    fixture.scheduler.elapse();

    assertThat(service.ended).isEmpty();
    assertThat(fixture.dispatcher.dialogCount()).isEqualTo(1);
  }

  @Test
  void stackReportedAckTimeoutIsANoOpOnceAcknowledged() {
    String tag = fixture.establishedCall("c9");

    fixture.dispatcher.ackTimedOut(new DialogKey("c9", "src-tag", tag));

    assertThat(service.ended).isEmpty();
  }

  @Test
  void stackReportedAckTimeoutEndsAnUnacknowledgedRecording() {
    Reply ok = fixture.send(Requests.siprecInvite().callId("c10").build()).last();

    fixture.dispatcher.ackTimedOut(new DialogKey("c10", "src-tag", ok.toTag()));

    assertThat(service.ended)
        .containsExactly(new FakeRecordingService.End(service.accepted.get(0), EndReason.NO_ACK));
  }

  @Test
  void dialogDroppedByTheStackEndsTheRecording() {
    String tag = fixture.establishedCall("c4");

    fixture.dispatcher.dialogTerminated(new DialogKey("c4", "src-tag", tag));

    assertThat(service.ended)
        .containsExactly(new FakeRecordingService.End(service.accepted.get(0), EndReason.ERROR));
  }

  @Test
  void reInviteGetsTheSameAnswerWithTheNextOriginVersion() {
    Reply first = fixture.send(Requests.siprecInvite().callId("c5").build()).last();

    Reply again =
        fixture
            .send(
                Requests.siprecInvite()
                    .callId("c5")
                    .toTag(first.toTag())
                    .branch("z9hG4bK-2")
                    .build())
            .last();

    assertThat(again.status()).isEqualTo(200);
    String before = new String(first.body(), StandardCharsets.UTF_8);
    String after = new String(again.body(), StandardCharsets.UTF_8);
    String[] o1 =
        before.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow().split(" ");
    String[] o2 =
        after.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow().split(" ");
    assertThat(o2[1]).isEqualTo(o1[1]);
    assertThat(o2[2]).isEqualTo("2");
    assertThat(after.substring(after.indexOf("m=")))
        .isEqualTo(before.substring(before.indexOf("m=")));
    assertThat(service.offers).hasSize(1);
  }

  @Test
  void reInviteAddingAMediaLineIsAnsweredWithTheNewOneAtPortZero() {
    Reply first = fixture.send(Requests.siprecInvite().callId("c6").build()).last();
    String threeStreams = Bodies.SDP + "m=audio 10004 RTP/AVP 0\r\na=label:3\r\na=sendonly\r\n";

    Reply reply =
        fixture
            .send(
                Requests.of("INVITE")
                    .callId("c6")
                    .toTag(first.toTag())
                    .branch("z9hG4bK-3")
                    .body("application/sdp", threeStreams)
                    .build())
            .last();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(
            new String(reply.body(), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("m="))
                .toList())
        .containsExactly(
            "m=audio 40000 RTP/AVP 0 101", "m=audio 40002 RTP/AVP 8", "m=audio 0 RTP/AVP 0");
    assertThat(service.updates.get(0).streams()).hasSize(3);
  }

  @Test
  void reInviteForAnUnknownDialogGets481() {
    Reply reply = fixture.send(Requests.siprecInvite().toTag("nobody").build()).last();

    assertThat(reply.status()).isEqualTo(481);
  }

  @Test
  void updateWithoutABodyGets200WithoutSdp() {
    String tag = fixture.establishedCall("c7");

    Reply reply = fixture.send(Requests.of("UPDATE").callId("c7").toTag(tag).build()).last();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isNull();
  }

  @Test
  void updateForAnUnknownDialogGets481() {
    Reply reply = fixture.send(Requests.of("UPDATE").toTag("nobody").build()).last();

    assertThat(reply.status()).isEqualTo(481);
  }
}
