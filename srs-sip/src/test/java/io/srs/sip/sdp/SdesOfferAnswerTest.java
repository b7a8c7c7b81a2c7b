package io.srs.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srs.core.media.Codec;
import io.srs.core.media.OfferedCrypto;
import io.srs.core.media.OfferedStream;
import io.srs.core.media.SrtpKeySource;
import io.srs.core.media.SrtpPolicy;
import io.srs.core.media.SrtpSuite;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.service.OfferDecision.AnsweredStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SDES offers (RFC 4568) through the parser, core's planner and the answer writer. */
class SdesOfferAnswerTest {
  private static final String HEAD =
      "v=0\r\no=SRC 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n";

  /** 30 bytes: an AES_CM_128 key||salt (RFC 4568 §10's example key). */
  private static final String THEIR_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  private static final Pattern ANSWER_CRYPTO =
      Pattern.compile("a=crypto:(\\d+) (\\S+) inline:([A-Za-z0-9+/=]+)(.*)\r\n");

  private final SdpParser parser = new SdpParser();

  private static byte[] ones(int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) 0x11);
    return bytes;
  }

  private final SdpAnswerWriter writer = new SdpAnswerWriter("198.51.100.7");

  private static StreamPlanner planner(SrtpKeySource keys) {
    return new StreamPlanner(
        EnumSet.of(Codec.PCMU, Codec.PCMA),
        new StreamPlanner.Options(false, SrtpPolicy.DEFAULT),
        keys);
  }

  private String answer(StreamPlanner planner, String media) throws SdpException {
    SessionDescription offer = parser.parse(HEAD + media);
    List<AnsweredStream> streams = new ArrayList<>();
    for (StreamPlan plan : planner.plan(offer.offeredStreams())) {
      streams.add(new AnsweredStream(plan, plan.isRecorded() ? 20000 + 2 * plan.index() : 0));
    }
    return new String(writer.write(new SdpAnswer(offer, streams, 42, 1)), StandardCharsets.UTF_8);
  }

  private String answer(String media) throws SdpException {
    return answer(planner(SrtpKeySource.secure()), media);
  }

  private List<OfferedCrypto> crypto(String media) throws SdpException {
    return parser.parse(HEAD + media).offeredStreams().get(0).crypto();
  }

  @Test
  void cryptoLinesAreAttachedToTheirMLineInOrder() throws Exception {
    List<OfferedStream> streams =
        parser
            .parse(
                HEAD
                    + "m=audio 10000 RTP/SAVP 0\r\n"
                    + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                    + THEIR_KEY
                    + "|2^31\r\n"
                    + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:"
                    + THEIR_KEY
                    + "|2^31\r\n"
                    + "m=audio 10002 RTP/AVP 0\r\n")
            .offeredStreams();

    assertThat(streams.get(0).crypto())
        .extracting(OfferedCrypto::tag, OfferedCrypto::suiteName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "AES_CM_128_HMAC_SHA1_80"),
            org.assertj.core.groups.Tuple.tuple(2, "AES_CM_128_HMAC_SHA1_32"));
    assertThat(streams.get(1).crypto()).isEmpty();
  }

  @Test
  void theParsedAttributeListKeepsTheCryptoLineWithItsKeyRedacted() throws Exception {
    MediaDescription media =
        parser
            .parse(
                HEAD
                    + "m=audio 10000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                    + THEIR_KEY
                    + "|2^31|1:4\r\n")
            .media()
            .get(0);

    assertThat(media.attributes())
        .containsExactly(
            new Attribute("crypto", "1 AES_CM_128_HMAC_SHA1_80 inline:<redacted>|2^31|1:4"));
    assertThat(media.toString()).doesNotContain(THEIR_KEY);
  }

  @Test
  void aRepeatedTagMakesTheSecondLineUnusable() throws Exception {
    List<OfferedCrypto> lines =
        crypto(
            "m=audio 10000 RTP/SAVP 0\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                + THEIR_KEY
                + "\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:"
                + THEIR_KEY
                + "\r\n");

    assertThat(lines.get(0).isUsable()).isTrue();
    assertThat(lines.get(1).problem()).isEqualTo("tag repeated in the m-line (RFC 4568 §4.1)");
  }

  @Test
  void aBrokenCryptoLineNeverFailsTheSdp() throws Exception {
    List<OfferedCrypto> lines =
        crypto("m=audio 10000 RTP/SAVP 0\r\na=crypto:garbage\r\na=crypto\r\n");

    assertThat(lines).hasSize(2).noneMatch(OfferedCrypto::isUsable);
  }

  @Test
  void moreCryptoLinesThanTheBoundRefuseTheSdpNamingTheBound() {
    StringBuilder media = new StringBuilder("m=audio 10000 RTP/SAVP 0\r\n");
    for (int tag = 1; tag <= MediaSectionBuilder.MAX_CRYPTO_LINES + 1; tag++) {
      media.append("a=crypto:").append(tag).append(" AES_CM_128_HMAC_SHA1_80 inline:x\r\n");
    }

    assertThatThrownBy(() -> parser.parse(HEAD + media))
        .isInstanceOf(SdpException.class)
        .hasMessageEndingWith("more than 16 a=crypto lines");
  }

  @Test
  void anSdesMLineIsAnsweredWithOurOwnKeyUnderTheOfferedTagAndSuite() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/SAVP 0 8\r\n"
                + "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:"
                + THEIR_KEY
                + "|2^31|1:4\r\n"
                + "a=label:1\r\na=sendonly\r\n");

    assertThat(answer).contains("m=audio 20000 RTP/SAVP 0\r\n");
    Matcher crypto = ANSWER_CRYPTO.matcher(answer);
    assertThat(crypto.find()).isTrue();
    assertThat(crypto.group(1)).isEqualTo("3");
    assertThat(crypto.group(2)).isEqualTo("AES_CM_128_HMAC_SHA1_80");
    assertThat(crypto.group(3)).hasSize(40).isNotEqualTo(THEIR_KEY);
    assertThat(Base64.getDecoder().decode(crypto.group(3))).hasSize(30);
    // No lifetime, no MKI: we never send, so no packet of ours needs one.
    assertThat(crypto.group(4)).isEmpty();
    assertThat(answer).doesNotContain(THEIR_KEY);
    assertThat(answer.indexOf("a=crypto:")).isLessThan(answer.indexOf("a=recvonly"));
  }

  @Test
  void theAnswerKeyComesFromTheInjectedSourceAndHasTheSuitesLength() throws Exception {
    SrtpKeySource zeros = into -> java.util.Arrays.fill(into, (byte) 0);
    String answer =
        answer(
            planner(zeros),
            "m=audio 10000 RTP/SAVP 0\r\na=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:"
                + Base64.getEncoder().encodeToString(ones(46))
                + "\r\n");

    // 46 zero bytes: key||salt of AES-256, base64 with "==" padding.
    assertThat(answer)
        .contains(
            "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:"
                + Base64.getEncoder().encodeToString(new byte[46])
                + "\r\n");
  }

  @Test
  void negotiatedSessionParametersAreRepeatedInTheAnswer() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_32 inline:"
                + THEIR_KEY
                + " UNENCRYPTED_SRTCP WSH=64\r\n");

    Matcher crypto = ANSWER_CRYPTO.matcher(answer);
    assertThat(crypto.find()).isTrue();
    assertThat(crypto.group(4)).isEqualTo(" UNENCRYPTED_SRTCP");
  }

  @Test
  void theFirstUsableLineIsAnsweredWhenAnEarlierOneIsBroken() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/SAVP 0\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:tooShort\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:"
                + THEIR_KEY
                + "\r\n");

    assertThat(answer).contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:");
    assertThat(answer).doesNotContain("a=crypto:1 ");
  }

  @Test
  void plainRtpIsAnsweredWithoutCrypto() throws Exception {
    assertThat(
            answer(
                "m=audio 10000 RTP/AVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                    + THEIR_KEY
                    + "\r\n"))
        .contains("m=audio 20000 RTP/AVP 0\r\n")
        .doesNotContain("a=crypto");
  }

  @Test
  void dtlsSrtpAndSdesWithoutUsableKeysAreDeclinedAsOffered() throws Exception {
    String answer =
        answer(
            "m=audio 10000 UDP/TLS/RTP/SAVPF 0\r\na=fingerprint:sha-256 AB:CD\r\n"
                + "m=audio 10002 RTP/SAVP 0\r\n"
                + "a=crypto:1 F8_128_HMAC_SHA1_80 inline:"
                + THEIR_KEY
                + "\r\n"
                + "m=audio 10004 RTP/SAVPF 0\r\n"
                + "a=crypto:1 AEAD_AES_128_GCM inline:"
                + Base64.getEncoder().encodeToString(new byte[28])
                + "\r\n");

    assertThat(answer.lines().filter(l -> l.startsWith("m=")))
        .containsExactly(
            "m=audio 0 UDP/TLS/RTP/SAVPF 0", "m=audio 0 RTP/SAVP 0", "m=audio 20004 RTP/SAVPF 0");
    assertThat(answer).containsOnlyOnce("a=crypto:1 AEAD_AES_128_GCM inline:");
    assertThat(SrtpSuite.AEAD_AES_128_GCM.masterSaltBytes()).isEqualTo(12);
  }

  @Test
  void aPlainReofferIsAnsweredWithoutCryptoEvenWhenThePlanKeepsItsKeys() throws Exception {
    SessionDescription savp =
        parser.parse(
            HEAD
                + "m=audio 10000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                + THEIR_KEY
                + "\r\n");
    StreamPlan secure = planner(SrtpKeySource.secure()).plan(savp.offeredStreams()).get(0);
    SessionDescription plain = parser.parse(HEAD + "m=audio 10000 RTP/AVP 0\r\n");
    StreamPlan held =
        secure.with(
            plain.offeredStreams().get(0),
            io.srs.core.media.MediaDirection.INACTIVE,
            secure.srtp(),
            secure.crypto());

    String answer =
        new String(
            writer.write(new SdpAnswer(plain, List.of(new AnsweredStream(held, 20000)), 42, 2)),
            StandardCharsets.UTF_8);

    assertThat(answer)
        .contains("m=audio 20000 RTP/AVP 0\r\n", "a=inactive")
        .doesNotContain("a=crypto");
  }
}
