package io.srs.core.media;

import static io.srs.core.media.Offers.audio;
import static io.srs.core.media.Offers.countingKeys;
import static io.srs.core.media.Offers.crypto;
import static io.srs.core.media.Offers.srtp;
import static io.srs.core.media.SrtpSuite.AEAD_AES_128_GCM;
import static io.srs.core.media.SrtpSuite.AES_256_CM_HMAC_SHA1_80;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_32;
import static io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_80;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SDES (RFC 4568) in the planner: which a=crypto line is taken, what we answer, what is declined.
 */
class SrtpPlanningTest {

  private static StreamPlanner planner(SrtpPolicy policy) {
    return new StreamPlanner(
        EnumSet.of(Codec.PCMU, Codec.PCMA),
        new StreamPlanner.Options(false, policy),
        countingKeys(100));
  }

  private static StreamPlan planOne(SrtpPolicy policy, OfferedStream stream) {
    return planner(policy).plan(List.of(stream)).get(0);
  }

  private static StreamPlan planOne(OfferedStream stream) {
    return planOne(SrtpPolicy.DEFAULT, stream);
  }

  @Test
  void theFirstUsableLineInTheOfferersOrderIsTaken() {
    OfferedCrypto first = crypto(1, AES_CM_128_HMAC_SHA1_32, 1);
    OfferedCrypto second = crypto(2, AES_CM_128_HMAC_SHA1_80, 2);

    StreamPlan plan = planOne(srtp(0, "1", List.of(first, second), 0));

    assertThat(plan.isRecorded()).isTrue();
    assertThat(plan.srtp()).isEqualTo(first.keys());
    assertThat(plan.crypto().tag()).isEqualTo(1);
  }

  @Test
  void anUnusableLineIsPassedOverForTheNextOne() {
    OfferedCrypto broken =
        OfferedCrypto.unusable(1, "AES_CM_128_HMAC_SHA1_80", "key||salt is 29 bytes");
    OfferedCrypto good = crypto(2, AES_CM_128_HMAC_SHA1_80, 2);

    StreamPlan plan = planOne(srtp(0, "1", List.of(broken, good), 0));

    assertThat(plan.crypto().tag()).isEqualTo(2);
    assertThat(plan.srtp()).isEqualTo(good.keys());
  }

  @Test
  void aSuiteTheConfigDoesNotAcceptIsPassedOver() {
    SrtpPolicy only80 = new SrtpPolicy(SrtpPolicy.Mode.OPTIONAL, List.of(AES_CM_128_HMAC_SHA1_80));
    OfferedCrypto gcm = crypto(1, AEAD_AES_128_GCM, 1);
    OfferedCrypto cm = crypto(2, AES_CM_128_HMAC_SHA1_80, 2);

    StreamPlan plan = planOne(only80, srtp(0, "1", List.of(gcm, cm), 0));

    assertThat(plan.crypto().tag()).isEqualTo(2);
    assertThat(plan.srtp().suite()).isEqualTo(AES_CM_128_HMAC_SHA1_80);
  }

  @Test
  void theAnswerHasTheOfferedTagAndSuiteAndAKeyOfOurOwn() {
    OfferedCrypto offered = crypto(7, AES_256_CM_HMAC_SHA1_80, 9);

    StreamPlan plan = planOne(srtp(0, "1", List.of(offered), 0));

    AnsweredCrypto answer = plan.crypto();
    assertThat(answer.tag()).isEqualTo(7);
    assertThat(answer.keys().suite()).isEqualTo(AES_256_CM_HMAC_SHA1_80);
    assertThat(answer.keys().masterKey())
        .hasSize(32)
        .isNotEqualTo(offered.keys().masterKey())
        // countingKeys(100): the key is 100, 101, ...; the salt follows it.
        .startsWith((byte) 100, (byte) 101);
    assertThat(answer.keys().masterSalt()).hasSize(14).startsWith((byte) 132);
    assertThat(answer.keys().mkiLength()).isZero();
  }

  @Test
  void negotiatedSessionParametersAreEchoedInTheAnswer() {
    byte[] key = new byte[16];
    byte[] salt = new byte[14];
    SrtpKeys theirs = new SrtpKeys(AES_CM_128_HMAC_SHA1_80, key, salt, 4, 1, false, false, true);

    StreamPlan plan = planOne(srtp(0, "1", List.of(OfferedCrypto.usable(1, theirs)), 0));

    assertThat(plan.srtp()).isEqualTo(theirs);
    assertThat(plan.crypto().keys().srtpEncrypted()).isFalse();
    assertThat(plan.crypto().keys().srtcpEncrypted()).isFalse();
    assertThat(plan.crypto().keys().srtpAuthenticated()).isTrue();
  }

  @Test
  void noUsableLineDeclinesTheMLineNamingEachOfferedSuiteAndWhatWeAccept() {
    SrtpPolicy only80 = new SrtpPolicy(SrtpPolicy.Mode.OPTIONAL, List.of(AES_CM_128_HMAC_SHA1_80));
    OfferedStream stream =
        srtp(
            0,
            "1",
            List.of(
                OfferedCrypto.unusable(1, "F8_128_HMAC_SHA1_80", "crypto-suite not supported"),
                crypto(2, AEAD_AES_128_GCM, 2)),
            0);

    StreamPlan plan = planOne(only80, stream);

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.srtp()).isNull();
    assertThat(plan.declineReason())
        .isEqualTo(
            "no usable a=crypto on RTP/SAVP: offered 1 F8_128_HMAC_SHA1_80 (crypto-suite not"
                + " supported), 2 AEAD_AES_128_GCM (suite not accepted); we accept"
                + " AES_CM_128_HMAC_SHA1_80");
  }

  @Test
  void dtlsSrtpIsDeclinedWithAReasonPointingAtSdes() {
    OfferedStream dtls =
        new OfferedStream(
            0,
            "audio",
            4000,
            "UDP/TLS/RTP/SAVPF",
            List.of(StaticPayloadTypes.lookup(0)),
            MediaDirection.SENDONLY,
            "1");

    StreamPlan plan = planOne(dtls);

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason())
        .isEqualTo(
            "DTLS-SRTP (UDP/TLS/RTP/SAVPF) is not supported; offer RTP/SAVP with a=crypto (SDES,"
                + " RFC 4568)");
  }

  @Test
  void savpfIsSdesLikeSavp() {
    OfferedStream savpf =
        new OfferedStream(
            0,
            "audio",
            4000,
            "RTP/SAVPF",
            List.of(StaticPayloadTypes.lookup(8)),
            MediaDirection.SENDONLY,
            "1",
            List.of(crypto(1, AES_CM_128_HMAC_SHA1_80, 1)));

    assertThat(planOne(savpf).isSecure()).isTrue();
  }

  @Test
  void requiredPolicyDeclinesPlainRtpAndRecordsSrtp() {
    SrtpPolicy required = new SrtpPolicy(SrtpPolicy.Mode.REQUIRED, SrtpPolicy.ALL_SUITES);

    List<StreamPlan> plans =
        planner(required)
            .plan(
                List.of(
                    audio(0, "1", 0),
                    srtp(1, "2", List.of(crypto(1, AES_CM_128_HMAC_SHA1_80, 1)), 0)));

    assertThat(plans.get(0).isRecorded()).isFalse();
    assertThat(plans.get(0).declineReason())
        .isEqualTo("plain RTP/AVP refused: SRTP is required (srtp.policy)");
    assertThat(plans.get(1).isSecure()).isTrue();
  }

  @Test
  void optionalPolicyRecordsPlainRtpWithoutKeys() {
    StreamPlan plan = planOne(audio(0, "1", 0));

    assertThat(plan.isRecorded()).isTrue();
    assertThat(plan.isSecure()).isFalse();
    assertThat(plan.crypto()).isNull();
  }

  @Test
  void aMediaSideThatDecryptsNothingDeclinesEverySdesLine() {
    SrtpPolicy none = SrtpPolicy.DEFAULT.restrictedTo(java.util.Set.of());

    StreamPlan plan =
        planOne(none, srtp(0, "1", List.of(crypto(1, AES_CM_128_HMAC_SHA1_80, 1)), 0));

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason()).endsWith("(suite not accepted); we accept no suite");
  }

  @Test
  void aCodecWeCannotRecordStillDeclinesAnSrtpLineForTheCodec() {
    StreamPlan plan = planOne(srtp(0, "1", List.of(crypto(1, AES_CM_128_HMAC_SHA1_80, 1)), 18));

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason()).startsWith("no recordable codec");
    assertThat(plan.crypto()).isNull();
  }

  @Test
  void aRecordedPlanNeverPrintsAKey() {
    OfferedCrypto offered = crypto(1, AES_CM_128_HMAC_SHA1_80, 0x41);

    StreamPlan plan = planOne(srtp(0, "1", List.of(offered), 0));

    assertThat(plan.toString())
        .contains("AES_CM_128_HMAC_SHA1_80", "key=<redacted>")
        .doesNotContain("65, 65") // the offered key bytes, as an array would print them
        .doesNotContain("[B@");
  }
}
