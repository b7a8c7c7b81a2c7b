package io.srs.core.media;

import static io.srs.core.media.Offers.audio;
import static io.srs.core.media.Offers.stream;
import static io.srs.core.media.Offers.withDirection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPlannerTest {
  private final StreamPlanner planner = new StreamPlanner(EnumSet.of(Codec.PCMU, Codec.PCMA));

  private StreamPlan planOne(OfferedStream stream) {
    return planner.plan(List.of(stream)).get(0);
  }

  @Test
  void pcmuOfferedFirstIsRecordedWithPayloadType0() {
    StreamPlan plan = planOne(audio(0, "1", 0, 8, 101));

    assertThat(plan.isRecorded()).isTrue();
    assertThat(plan.codec()).isEqualTo(Codec.PCMU);
    assertThat(plan.payloadType()).isZero();
  }

  @Test
  void pcmaOfferedFirstIsRecordedWithPayloadType8() {
    StreamPlan plan = planOne(audio(0, "1", 8, 0));

    assertThat(plan.codec()).isEqualTo(Codec.PCMA);
    assertThat(plan.payloadType()).isEqualTo(8);
  }

  @Test
  void dynamicPayloadTypeMappedToPcmuKeepsTheOfferedNumber() {
    OfferedStream offer =
        stream(
            0,
            "audio",
            4000,
            "RTP/AVP",
            List.of(new OfferedFormat(96, "PCMU", 8000, 1, null)),
            MediaDirection.SENDONLY,
            "1");

    StreamPlan plan = planOne(offer);

    assertThat(plan.codec()).isEqualTo(Codec.PCMU);
    assertThat(plan.payloadType()).isEqualTo(96);
  }

  @Test
  void unsupportedCodecsAreSkippedForALaterSupportedOne() {
    StreamPlan plan = planOne(audio(0, "1", 18, 9, 8));

    assertThat(plan.codec()).isEqualTo(Codec.PCMA);
    assertThat(plan.payloadType()).isEqualTo(8);
  }

  @Test
  void onlyTheCodecsTheMediaSideSupportsAreChosen() {
    StreamPlanner pcmaOnly = new StreamPlanner(EnumSet.of(Codec.PCMA));

    StreamPlan plan = pcmaOnly.plan(List.of(audio(0, "1", 0, 8))).get(0);

    assertThat(plan.codec()).isEqualTo(Codec.PCMA);
  }

  @Test
  void g729OnlyMLineIsDeclinedNamingTheOfferedCodec() {
    StreamPlan plan = planOne(audio(0, "1", 18));

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.payloadType()).isEqualTo(-1);
    assertThat(plan.direction()).isEqualTo(MediaDirection.INACTIVE);
    assertThat(plan.declineReason()).isEqualTo("no recordable codec in [G729/8000]");
  }

  @Test
  void dynamicTypeWithoutRtpmapIsDescribedByNumber() {
    OfferedStream offer =
        stream(
            0,
            "audio",
            4000,
            "RTP/AVP",
            List.of(StaticPayloadTypes.lookup(97)),
            MediaDirection.SENDONLY,
            null);

    assertThat(planOne(offer).declineReason()).isEqualTo("no recordable codec in [PT 97]");
  }

  @Test
  void videoIsDeclined() {
    OfferedStream video =
        stream(
            1,
            "video",
            4002,
            "RTP/AVP",
            List.of(new OfferedFormat(96, "H264", 90000, 1, null)),
            MediaDirection.SENDONLY,
            "2");

    StreamPlan plan = planOne(video);

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason()).contains("video");
  }

  @Test
  void portZeroIsDeclined() {
    OfferedStream disabled =
        stream(
            0,
            "audio",
            0,
            "RTP/AVP",
            List.of(StaticPayloadTypes.lookup(0)),
            MediaDirection.SENDONLY,
            "1");

    StreamPlan plan = planOne(disabled);

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason()).contains("port 0");
  }

  @Test
  void srtpWithoutAnyCryptoLineIsDeclinedSayingKeysMustComeInTheSdp() {
    OfferedStream srtp =
        stream(
            0,
            "audio",
            4000,
            "RTP/SAVP",
            List.of(StaticPayloadTypes.lookup(0)),
            MediaDirection.SENDONLY,
            "1");

    StreamPlan plan = planOne(srtp);

    assertThat(plan.isRecorded()).isFalse();
    assertThat(plan.declineReason())
        .isEqualTo(
            "RTP/SAVP without an a=crypto line: SRTP keys must be given in the SDP (SDES, RFC"
                + " 4568)");
  }

  @Test
  void avpfIsRecorded() {
    OfferedStream avpf =
        stream(
            0,
            "audio",
            4000,
            "RTP/AVPF",
            List.of(StaticPayloadTypes.lookup(0)),
            MediaDirection.SENDONLY,
            "1");

    assertThat(planOne(avpf).isRecorded()).isTrue();
  }

  @Test
  void sendonlyIsAnsweredRecvonly() {
    assertThat(planOne(audio(0, "1", 0)).direction()).isEqualTo(MediaDirection.RECVONLY);
  }

  @Test
  void sendrecvIsAnsweredRecvonly() {
    OfferedStream offer = withDirection(audio(0, "1", 0), MediaDirection.SENDRECV);

    assertThat(planOne(offer).direction()).isEqualTo(MediaDirection.RECVONLY);
  }

  @Test
  void inactiveIsAnsweredInactive() {
    OfferedStream offer = withDirection(audio(0, "1", 0), MediaDirection.INACTIVE);

    assertThat(planOne(offer).direction()).isEqualTo(MediaDirection.INACTIVE);
  }

  @Test
  void plansKeepTheOfferOrderIndexAndLabel() {
    List<StreamPlan> plans =
        planner.plan(List.of(audio(0, "a", 0), audio(1, "b", 18), audio(2, "c", 8)));

    assertThat(plans).extracting(StreamPlan::index).containsExactly(0, 1, 2);
    assertThat(plans).extracting(StreamPlan::label).containsExactly("a", "b", "c");
    assertThat(plans).extracting(StreamPlan::isRecorded).containsExactly(true, false, true);
  }

  @Test
  void describeFormatsListsEveryOfferedFormat() {
    OfferedStream offer =
        stream(
            0,
            "audio",
            4000,
            "RTP/AVP",
            List.of(
                StaticPayloadTypes.lookup(18),
                new OfferedFormat(111, "opus", 48000, 2, null),
                StaticPayloadTypes.lookup(96)),
            MediaDirection.SENDONLY,
            null);

    assertThat(StreamPlanner.describeFormats(offer)).isEqualTo("[G729/8000, opus/48000/2, PT 96]");
  }
}
