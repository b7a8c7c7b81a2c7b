package io.srs.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.Codec;
import io.srs.core.media.StreamPlan;
import io.srs.core.media.StreamPlanner;
import io.srs.core.service.OfferDecision.AnsweredStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer rules of RFC 3264 §6 and RFC 7866 §8.1.1, end to end: SDP offer text, core's real
 * {@link StreamPlanner}, then the answer text.
 */
class OfferAnswerTest {
  private static final String HEAD =
      "v=0\r\no=SRC 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n";

  private final SdpParser parser = new SdpParser();
  private final StreamPlanner planner = new StreamPlanner(EnumSet.of(Codec.PCMU, Codec.PCMA));
  private final SdpAnswerWriter writer = new SdpAnswerWriter("198.51.100.7");

  /** Every codec core can record, G.711 stored natively. */
  private final StreamPlanner allCodecs = new StreamPlanner(EnumSet.allOf(Codec.class));

  /** Offer in, answer out; recorded stream i gets port 20000 + 2i. */
  private String answer(String media) throws SdpException {
    return answer(planner, media);
  }

  private String answer(StreamPlanner planner, String media) throws SdpException {
    SessionDescription offer = parser.parse(HEAD + media);
    List<AnsweredStream> streams = new ArrayList<>();
    for (StreamPlan plan : planner.plan(offer.offeredStreams())) {
      streams.add(new AnsweredStream(plan, plan.isRecorded() ? 20000 + 2 * plan.index() : 0));
    }
    return new String(writer.write(new SdpAnswer(offer, streams, 42, 1)), StandardCharsets.UTF_8);
  }

  private static List<String> mLines(String sdp) {
    return sdp.lines().filter(l -> l.startsWith("m=")).toList();
  }

  @Test
  void answerHasTheSessionLinesWithTheMediaAddress() throws Exception {
    assertThat(answer("m=audio 10000 RTP/AVP 0\r\n"))
        .startsWith(
            "v=0\r\no=SRS 42 1 IN IP4 198.51.100.7\r\ns=SRS\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n");
  }

  @Test
  void firstRecordableCodecInOfferOrderIsChosen() throws Exception {
    assertThat(
            mLines(
                answer("m=audio 10000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n")))
        .containsExactly("m=audio 20000 RTP/AVP 0 101");
    assertThat(mLines(answer("m=audio 10000 RTP/AVP 8 0\r\n")))
        .containsExactly("m=audio 20000 RTP/AVP 8");
  }

  @Test
  void dynamicPayloadTypeForPcmuIsKeptWithItsRtpmap() throws Exception {
    String answer = answer("m=audio 10000 RTP/AVP 96\r\na=rtpmap:96 PCMU/8000\r\na=sendonly\r\n");

    assertThat(answer)
        .contains("m=audio 20000 RTP/AVP 96\r\na=rtpmap:96 PCMU/8000\r\na=recvonly\r\n");
  }

  @Test
  void sameNumberAndOrderOfMediaLinesWithLabelsEchoed() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/AVP 0\r\na=label:1\r\na=sendonly\r\n"
                + "m=video 10002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=label:v\r\n"
                + "m=audio 10004 RTP/AVP 8\r\na=label:2\r\na=sendonly\r\n");

    assertThat(mLines(answer))
        .containsExactly(
            "m=audio 20000 RTP/AVP 0", "m=video 0 RTP/AVP 96", "m=audio 20004 RTP/AVP 8");
    assertThat(answer.lines().filter(l -> l.startsWith("a=label:")).toList())
        .containsExactly("a=label:1", "a=label:v", "a=label:2");
  }

  @Test
  void sendonlyAndSendrecvAreAnsweredRecvonly() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/AVP 0\r\na=sendonly\r\nm=audio 10002 RTP/AVP 0\r\na=sendrecv\r\n");

    assertThat(answer.lines().filter(l -> l.equals("a=recvonly"))).hasSize(2);
  }

  @Test
  void recvonlyAndInactiveAreAnsweredInactive() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/AVP 0\r\na=recvonly\r\nm=audio 10002 RTP/AVP 0\r\na=inactive\r\n");

    assertThat(mLines(answer))
        .containsExactly("m=audio 20000 RTP/AVP 0", "m=audio 20002 RTP/AVP 0");
    assertThat(answer.lines().filter(l -> l.equals("a=inactive"))).hasSize(2);
  }

  @Test
  void undecodableMediaLineIsDeclinedWithPortZeroKeepingTypeProtoAndFormats() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/AVP 18 96\r\na=rtpmap:96 opus/48000/2\r\na=label:1\r\n"
                + "m=audio 10002 RTP/AVP 0\r\na=label:2\r\n");

    assertThat(mLines(answer))
        .containsExactly("m=audio 0 RTP/AVP 18 96", "m=audio 20002 RTP/AVP 0");
    assertThat(answer).doesNotContain("opus");
  }

  @Test
  void srtpAndNonRtpMediaAreDeclinedAsOffered() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/SAVP 0\r\nm=image 10002 udptl t38\r\nm=audio 10004 RTP/AVP 0\r\n");

    assertThat(mLines(answer))
        .containsExactly("m=audio 0 RTP/SAVP 0", "m=image 0 udptl t38", "m=audio 20004 RTP/AVP 0");
  }

  @Test
  void ipv6MediaAddressIsWrittenAsIp6() {
    SdpAnswerWriter v6 = new SdpAnswerWriter("2001:db8::7");
    SessionDescription offer =
        new SessionDescription("-", "1", "1", "192.0.2.1", "-", null, List.of());

    String answer =
        new String(v6.write(new SdpAnswer(offer, List.of(), 1, 1)), StandardCharsets.UTF_8);

    assertThat(answer)
        .contains("o=SRS 1 1 IN IP6 2001:db8::7\r\n")
        .contains("c=IN IP6 2001:db8::7\r\n");
  }

  @Test
  void nextVersionIncrementsOnlyTheOriginVersion() throws Exception {
    SessionDescription offer = parser.parse(HEAD + "m=audio 10000 RTP/AVP 0\r\n");
    List<AnsweredStream> streams = new ArrayList<>();
    for (StreamPlan plan : planner.plan(offer.offeredStreams())) {
      streams.add(new AnsweredStream(plan, 20000));
    }
    SdpAnswer first = new SdpAnswer(offer, streams, 42, 1);

    String one = new String(writer.write(first), StandardCharsets.UTF_8);
    String two = new String(writer.write(first.nextVersion()), StandardCharsets.UTF_8);

    assertThat(two).isEqualTo(one.replace("o=SRS 42 1 ", "o=SRS 42 2 "));
  }

  /** The m-line and everything under it, for recorded-stream assertions. */
  private static String media(String answer) {
    return answer.substring(answer.indexOf("m="));
  }

  @Test
  void telephoneEventIsAnsweredAfterTheAudioWithEveryEventWeRecord() throws Exception {
    String answer =
        answer(
            "m=audio 10000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\na=sendonly\r\n");

    assertThat(media(answer))
        .isEqualTo(
            "m=audio 20000 RTP/AVP 0 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=recvonly\r\n");
  }

  @Test
  void comfortNoiseIsAnsweredWithItsRtpmap() throws Exception {
    String answer = answer("m=audio 10000 RTP/AVP 0 13\r\na=sendonly\r\n");

    assertThat(media(answer))
        .isEqualTo(
            "m=audio 20000 RTP/AVP 0 13\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:13 CN/8000\r\n"
                + "a=recvonly\r\n");
  }

  @Test
  void opusIsAnsweredWithItsRtpmapAndTheOfferedFmtp() throws Exception {
    String answer =
        answer(
            allCodecs,
            "m=audio 10000 RTP/AVP 96 0\r\na=rtpmap:96 opus/48000/2\r\n"
                + "a=fmtp:96 useinbandfec=1; stereo=0\r\na=sendonly\r\n");

    // PCMU is not answered beside Opus: its 8 kHz track could not share Opus's 48 kHz one.
    assertThat(media(answer))
        .isEqualTo(
            "m=audio 20000 RTP/AVP 96\r\n"
                + "a=rtpmap:96 opus/48000/2\r\n"
                + "a=fmtp:96 useinbandfec=1; stereo=0\r\n"
                + "a=recvonly\r\n");
  }

  @Test
  void opusOfferedToARecorderWithoutOpusFallsBackToG711() throws Exception {
    String answer =
        answer("m=audio 10000 RTP/AVP 96 0\r\na=rtpmap:96 opus/48000/2\r\na=sendonly\r\n");

    assertThat(mLines(answer)).containsExactly("m=audio 20000 RTP/AVP 0");
    assertThat(answer).doesNotContain("opus");
  }

  @Test
  void telephoneEventAtOpusClockIsTheOneAnswered() throws Exception {
    String answer =
        answer(
            allCodecs,
            "m=audio 10000 RTP/AVP 96 101 102\r\na=rtpmap:96 opus/48000/2\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=rtpmap:102 telephone-event/48000\r\n");

    assertThat(mLines(answer)).containsExactly("m=audio 20000 RTP/AVP 96 102");
    assertThat(answer).contains("a=rtpmap:102 telephone-event/48000\r\na=fmtp:102 0-16\r\n");
  }

  @Test
  void g722IsAnsweredWithItsEightKilohertzRtpClock() throws Exception {
    String answer = answer(allCodecs, "m=audio 10000 RTP/AVP 9\r\na=sendonly\r\n");

    assertThat(media(answer))
        .isEqualTo("m=audio 20000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\na=recvonly\r\n");
  }

  @Test
  void everyFormatSharingTheTrackIsAnsweredInPlanOrder() throws Exception {
    String answer =
        answer("m=audio 10000 RTP/AVP 0 96 8\r\na=rtpmap:96 PCMU/8000\r\na=sendonly\r\n");

    assertThat(media(answer))
        .isEqualTo(
            "m=audio 20000 RTP/AVP 0 96\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:96 PCMU/8000\r\n"
                + "a=recvonly\r\n");
  }

  @Test
  void pcm16StorageLetsPcmuAndPcmaShareOneTrack() throws Exception {
    StreamPlanner pcm16 =
        new StreamPlanner(
            EnumSet.of(Codec.PCMU, Codec.PCMA), new StreamPlanner.Options(/* pcm16= */ true));

    assertThat(mLines(answer(pcm16, "m=audio 10000 RTP/AVP 8 0\r\n")))
        .containsExactly("m=audio 20000 RTP/AVP 8 0");
  }
}
