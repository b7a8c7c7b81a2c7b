package io.srs.core.service;

import static io.srs.core.media.Offers.audio;
import static io.srs.core.media.Offers.countingKeys;
import static io.srs.core.media.Offers.crypto;
import static io.srs.core.media.Offers.srtp;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80;
import static io.srs.core.service.Fakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.SrtpSuite;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.MediaStreamSpec;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.service.OfferDecision.Accepted;
import io.srs.core.service.OfferDecision.Rejected;
import io.srs.core.session.EndReason;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coordinator with SDES offers: keys reach the media side, refusals name suites, not keys. */
class SrtpOfferTest {
  private final Fakes.MediaFactory media = new Fakes.MediaFactory();
  private final Fakes.Store store = new Fakes.Store();
  private final Fakes.Events events = new Fakes.Events();

  private RecordingCoordinator coordinator(SrtpPolicy policy) {
    RecordingOptions defaults = RecordingOptions.DEFAULT;
    return RecordingCoordinator.builder(
            media, store, Runnable::run, new RecordingCoordinator.Limits(10))
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(new Random(1))
        .listener(events)
        .options(
            new RecordingOptions(
                defaults.metadataPolicy(),
                defaults.requiredFields(),
                defaults.pcm16(),
                defaults.inactivityTimeout(),
                defaults.pauseMode(),
                defaults.dtmfMasking(),
                policy))
        .srtpKeys(countingKeys(200))
        .build();
  }

  private static RecordingOffer offer(List<OfferedStream> streams) {
    return new RecordingOffer(
        "call-1@src.example.com",
        "sip:src@src.example.com",
        "sip:srs@srs.example.com",
        "192.0.2.1:5060/UDP",
        T0,
        streams,
        null,
        RecordingMetadata.EMPTY);
  }

  @Test
  void theOfferedKeysReachTheMediaSideAndTheAnswerCarriesOurs() {
    OfferedCrypto caller = crypto(1, AES_CM_128_HMAC_SHA1_80, 1);
    OfferedCrypto agent = crypto(1, AES_CM_128_HMAC_SHA1_32, 2);

    var decision =
        coordinator(SrtpPolicy.DEFAULT)
            .offer(
                offer(List.of(srtp(0, "1", List.of(caller), 0), srtp(1, "2", List.of(agent), 8))));

    Accepted accepted = (Accepted) decision;
    List<MediaStreamSpec> streams = media.opened.get(0).streams();
    assertThat(streams)
        .extracting(MediaStreamSpec::srtp)
        .containsExactly(caller.keys(), agent.keys());
    assertThat(streams).allMatch(MediaStreamSpec::isSecure);
    assertThat(accepted.streams().get(0).plan().crypto().keys().masterKey())
        .isNotEqualTo(caller.keys().masterKey());
  }

  @Test
  void plainRtpStreamsReachTheMediaSideWithoutKeys() {
    coordinator(SrtpPolicy.DEFAULT).offer(offer(List.of(audio(0, "1", 0))));

    assertThat(media.opened.get(0).streams().get(0).srtp()).isNull();
  }

  @Test
  void anSdesMLineWithNoUsableLineIs488WithAWarningNamingTheOfferedSuites() {
    OfferedStream stream =
        srtp(
            0,
            "1",
            List.of(
                OfferedCrypto.unusable(
                    1, "AES_CM_128_HMAC_SHA1_80", "key||salt is 29 bytes; needs 30")),
            0);

    Rejected rejected = (Rejected) coordinator(SrtpPolicy.DEFAULT).offer(offer(List.of(stream)));

    assertThat(rejected.status()).isEqualTo(488);
    assertThat(rejected.warnCode()).isEqualTo(305);
    assertThat(rejected.warning())
        .contains(
            "m=0 audio RTP/SAVP [PCMU/8000] (no usable a=crypto on RTP/SAVP: offered 1"
                + " AES_CM_128_HMAC_SHA1_80 (key||salt is 29 bytes; needs 30)")
        .contains("over RTP/AVP or RTP/SAVP with a=crypto AEAD_AES_256_GCM");
    assertThat(events.of(RecordingEvent.Rejected.class).get(0).detail())
        .contains("AES_CM_128_HMAC_SHA1_80");
    assertThat(media.opened).isEmpty();
  }

  @Test
  void aMediaSideWithoutSrtpDeclinesSdesAndSaysWeRecordPlainRtpOnly() {
    media.srtpSuites = Set.of();

    Rejected rejected =
        (Rejected)
            coordinator(SrtpPolicy.DEFAULT)
                .offer(
                    offer(
                        List.of(srtp(0, "1", List.of(crypto(1, AES_CM_128_HMAC_SHA1_80, 1)), 0))));

    assertThat(rejected.warning())
        .contains("(suite not accepted); we accept no suite)")
        .endsWith("over RTP/AVP");
  }

  @Test
  void requiredPolicyRefusesAPlainOnlyOfferWith488SayingSrtpIsRequired() {
    SrtpPolicy required =
        new SrtpPolicy(SrtpPolicy.Mode.REQUIRED, List.of(AES_CM_128_HMAC_SHA1_80));

    Rejected rejected = (Rejected) coordinator(required).offer(offer(List.of(audio(0, "1", 0))));

    assertThat(rejected.status()).isEqualTo(488);
    assertThat(rejected.warning())
        .contains("m=0 audio RTP/AVP [PCMU/8000] (plain RTP/AVP refused: SRTP is required")
        .endsWith("over RTP/SAVP with a=crypto AES_CM_128_HMAC_SHA1_80");
  }

  @Test
  void theSummaryNamesTheSuiteOfEachSecureTrackAndNoneForPlainOnes() {
    RecordingCoordinator coordinator = coordinator(SrtpPolicy.DEFAULT);
    Accepted accepted =
        (Accepted)
            coordinator.offer(
                offer(
                    List.of(
                        srtp(0, "1", List.of(crypto(3, SrtpSuite.AEAD_AES_128_GCM, 1)), 0),
                        audio(1, "2", 0))));

    coordinator.acknowledge(accepted.id());
    coordinator.end(accepted.id(), EndReason.BYE);

    List<TrackSummary> tracks = store.handles.get(0).finished.get(0).tracks();
    assertThat(tracks)
        .extracting(TrackSummary::srtp)
        .containsExactly(SrtpSuite.AEAD_AES_128_GCM, null);
  }
}
