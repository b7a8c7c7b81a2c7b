package io.srs.core.service;

import static io.srs.core.media.Offers.audio;
import static io.srs.core.media.Offers.countingKeys;
import static io.srs.core.media.Offers.crypto;
import static io.srs.core.media.Offers.srtp;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80;
import static io.srs.core.service.Fakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AnsweredCrypto;
import io.srs.core.media.MediaDirection;
import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.service.OfferDecision.Accepted;
import io.srs.core.service.OfferDecision.AnsweredStream;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Re-INVITEs and UPDATEs of SDES streams (RFC 4568 §7.1.4): keep, re-key, or hold. */
class SrtpReofferTest {
  private static final OfferedCrypto FIRST = crypto(1, AES_CM_128_HMAC_SHA1_80, 1);

  private final Fakes.MediaFactory media = new Fakes.MediaFactory();
  private final Fakes.Store store = new Fakes.Store();
  private final RecordingCoordinator coordinator =
      RecordingCoordinator.builder(media, store, Runnable::run, new RecordingCoordinator.Limits(10))
          .clock(Clock.fixed(T0, ZoneOffset.UTC))
          .random(new Random(1))
          .listener(new Fakes.Events())
          .srtpKeys(countingKeys(200))
          .build();

  private RecordingId id;
  private AnsweredCrypto firstAnswer;

  private void start(OfferedStream stream) {
    Accepted accepted =
        (Accepted)
            coordinator.offer(
                new RecordingOffer(
                    "call-1@src.example.com",
                    "sip:src@src.example.com",
                    "sip:srs@srs.example.com",
                    "192.0.2.1:5060/UDP",
                    T0,
                    List.of(stream),
                    null,
                    RecordingMetadata.EMPTY));
    id = accepted.id();
    firstAnswer = accepted.streams().get(0).plan().crypto();
    coordinator.acknowledge(id);
  }

  private AnsweredStream reoffer(OfferedStream stream) {
    UpdateDecision.Applied applied =
        (UpdateDecision.Applied)
            coordinator.update(
                id,
                new SessionUpdate(
                    SessionUpdate.Trigger.REINVITE,
                    T0.plusSeconds(5),
                    List.of(stream),
                    null,
                    null,
                    null,
                    null));
    return applied.streams().get(0);
  }

  private RecordingSummary finish() {
    coordinator.end(id, EndReason.BYE);
    return store.handles.get(0).finished.get(0);
  }

  private List<TimelineEvent> events(String type) {
    return finish().events().stream().filter(e -> e.type().equals(type)).toList();
  }

  @Test
  void theSameKeyAgainKeepsTheContextAndOurKey() {
    start(srtp(0, "1", List.of(FIRST), 0));

    AnsweredStream again = reoffer(srtp(0, "1", List.of(FIRST), 0));

    assertThat(media.sessions.get(0).rekeys).isEmpty();
    assertThat(again.plan().crypto()).isEqualTo(firstAnswer);
    assertThat(again.plan().direction()).isEqualTo(MediaDirection.RECVONLY);
    assertThat(events("srtp.rekeyed")).isEmpty();
  }

  @Test
  void aNewKeyReKeysTheStreamAndOurAnswerKeepsOurKey() {
    start(srtp(0, "1", List.of(FIRST), 0));
    OfferedCrypto renewed = crypto(1, AES_CM_128_HMAC_SHA1_80, 9);

    AnsweredStream answer = reoffer(srtp(0, "1", List.of(renewed), 0));

    assertThat(media.sessions.get(0).rekeys).containsExactly("0 " + renewed.keys());
    assertThat(answer.plan().srtp()).isEqualTo(renewed.keys());
    assertThat(answer.plan().crypto().keys()).isEqualTo(firstAnswer.keys());
    assertThat(events("srtp.rekeyed"))
        .extracting(TimelineEvent::streamIndex, TimelineEvent::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "AES_CM_128_HMAC_SHA1_80"));
  }

  @Test
  void anotherSuiteReKeysAndAnswersWithAFreshKeyOfThatSuite() {
    start(srtp(0, "1", List.of(FIRST), 0));
    OfferedCrypto other = crypto(4, AES_CM_128_HMAC_SHA1_32, 9);

    AnsweredStream answer = reoffer(srtp(0, "1", List.of(other), 0));

    assertThat(media.sessions.get(0).rekeys).containsExactly("0 " + other.keys());
    assertThat(answer.plan().crypto().tag()).isEqualTo(4);
    assertThat(answer.plan().crypto().keys().suite()).isEqualTo(AES_CM_128_HMAC_SHA1_32);
    assertThat(answer.plan().crypto().keys()).isNotEqualTo(firstAnswer.keys());
    RecordingSummary summary = finish();
    assertThat(summary.tracks())
        .extracting(TrackSummary::srtp)
        .containsExactly(AES_CM_128_HMAC_SHA1_32);
    assertThat(summary.events())
        .filteredOn(e -> e.type().equals("srtp.rekeyed"))
        .extracting(TimelineEvent::detail)
        .containsExactly("AES_CM_128_HMAC_SHA1_32 (was AES_CM_128_HMAC_SHA1_80)");
  }

  @Test
  void anSrtpStreamReofferedAsPlainRtpIsHeldNotDecryptedAsNoise() {
    start(srtp(0, "1", List.of(FIRST), 0));

    AnsweredStream answer = reoffer(audio(0, "1", 0));

    assertThat(answer.plan().direction()).isEqualTo(MediaDirection.INACTIVE);
    assertThat(media.sessions.get(0).pauses).containsExactly("0 paused HOLD");
    assertThat(media.sessions.get(0).rekeys).isEmpty();
    assertThat(events("stream.held"))
        .extracting(TimelineEvent::detail)
        .containsExactly("SRTP no longer offered (RTP/AVP)");
  }

  @Test
  void anSrtpStreamReofferedWithoutAnAcceptableLineIsHeldWithTheReason() {
    start(srtp(0, "1", List.of(FIRST), 0));

    reoffer(
        srtp(
            0,
            "1",
            List.of(OfferedCrypto.unusable(1, "AES_CM_128_HMAC_SHA1_80", "key||salt is 29 bytes")),
            0));

    assertThat(events("stream.held"))
        .extracting(TimelineEvent::detail)
        .singleElement()
        .asString()
        .startsWith("no usable a=crypto on RTP/SAVP: offered 1 AES_CM_128_HMAC_SHA1_80");
  }

  @Test
  void aPlainStreamReofferedAsSrtpIsHeld() {
    start(audio(0, "1", 0));

    AnsweredStream answer = reoffer(srtp(0, "1", List.of(FIRST), 0));

    assertThat(answer.plan().direction()).isEqualTo(MediaDirection.INACTIVE);
    assertThat(answer.plan().isSecure()).isFalse();
    assertThat(events("stream.held"))
        .extracting(TimelineEvent::detail)
        .containsExactly("transport changed to RTP/SAVP mid-call");
  }

  @Test
  void aHeldSrtpStreamResumesWhenItsKeysComeBack() {
    start(srtp(0, "1", List.of(FIRST), 0));
    reoffer(audio(0, "1", 0));

    AnsweredStream back = reoffer(srtp(0, "1", List.of(FIRST), 0));

    assertThat(back.plan().direction()).isEqualTo(MediaDirection.RECVONLY);
    assertThat(media.sessions.get(0).pauses).containsExactly("0 paused HOLD", "0 resumed");
    assertThat(SrtpPolicy.DEFAULT.accepts(AES_CM_128_HMAC_SHA1_80)).isTrue();
  }
}
