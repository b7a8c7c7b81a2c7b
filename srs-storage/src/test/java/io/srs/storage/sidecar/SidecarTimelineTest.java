package io.srs.storage.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.metadata.DataMode;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.GapCause;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.port.StreamTimeline.DtmfEvent;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.core.port.StreamTimeline.SsrcChange;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sidecar's account of a transferred call (issues 3 and 4): who was on each track when, every
 * gap with its cause, SSRC changes, DTMF, normalised fields and the match.
 */
class SidecarTimelineTest {
  private static final RecordingId ID = new RecordingId("20260101T000000Z-00000000000000aa");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LENGTH = Duration.ofMillis(120_000);

  private static final Participant CALLER =
      new Participant("p-caller", List.of(new NameId("sip:+15551230001@carrier", "Caller", null)));
  private static final Participant AGENT_A =
      new Participant("p-a", List.of(new NameId("sip:agentA@cc", "Agent A", null)));
  private static final Participant AGENT_B =
      new Participant("p-b", List.of(new NameId("sip:agentB@cc", "Agent B", null)));

  private static final List<TrackFile> FILES =
      List.of(
          new TrackFile(0, "track-0-1.wav", AudioEncoding.MULAW, 8000, 960_000, 960_058, "aa"),
          new TrackFile(1, "track-1-2.wav", AudioEncoding.MULAW, 8000, 960_000, 960_058, "bb"));

  private static StreamStats stats(int index) {
    return new StreamStats(index, 5990, 6000, 10, 2, 3, 1, 960_000, 4000, 0x0a0b0c0dL, 1, T0, 4, 5);
  }

  /** Agent track: each gap cause once, a transfer's SSRC change at 95.3 s, two DTMF digits. */
  private static StreamTimeline agentTimeline() {
    return new StreamTimeline(
        1,
        8000,
        List.of(
            new Gap(0, 800, GapCause.LEAD_IN), // 0-100 ms
            new Gap(8000, 160, GapCause.LOSS), // 1 s, 20 ms
            new Gap(16_000, 320, GapCause.LOSS), // 2 s, 40 ms
            new Gap(24_000, 4000, GapCause.DTX), // 3 s, 500 ms
            new Gap(80_000, 16_000, GapCause.PAUSE), // 10 s, 2 s
            new Gap(200_000, 8000, GapCause.HOLD), // 25 s, 1 s
            new Gap(762_400, 80, GapCause.REANCHOR), // 95.3 s, 10 ms
            new Gap(959_200, 800, GapCause.TAIL)), // the last 100 ms
        List.of(
            new SsrcChange(
                762_480, 0x0a0b0c0dL, 0xFEDCBA98L, Instant.parse("2026-01-01T00:01:35.310Z"))),
        List.of(new DtmfEvent(11, 40_000, 800, false), new DtmfEvent(7, 48_000, 960, true)),
        List.of());
  }

  private static RecordingSummary summary(
      EndReason reason, Map<String, String> fields, List<String> missing, String groupId) {
    TrackSummary caller =
        new TrackSummary(
            0,
            "1",
            Codec.PCMU,
            0,
            List.of(CALLER),
            stats(0),
            List.of(new Participation(CALLER, Duration.ZERO, null)),
            StreamTimeline.empty(0, 8000));
    TrackSummary agent =
        new TrackSummary(
            1,
            "2",
            Codec.PCMU,
            0,
            List.of(AGENT_B),
            stats(1),
            List.of(
                new Participation(AGENT_A, Duration.ZERO, Duration.ofMillis(95_300)),
                new Participation(AGENT_B, Duration.ofMillis(95_300), null)),
            agentTimeline());
    return new RecordingSummary(
        ID,
        "call",
        "sip:src@sbc",
        "sip:srs@rec",
        T0,
        T0,
        T0.plusMillis(200),
        T0.plusMillis(120_200),
        reason,
        LENGTH,
        new RecordingMetadata(
            DataMode.COMPLETE,
            List.of(new MetadataSession("s1", List.of(), "group-from-metadata")),
            List.of(CALLER, AGENT_A, AGENT_B),
            List.of(),
            List.of()),
        List.of(caller, agent),
        List.of(),
        fields,
        missing,
        groupId,
        List.of("label-unmatched: 3"),
        List.of(
            new TimelineEvent(T0, Duration.ofMillis(-200), "metadata.updated", -1, null, "1"),
            new TimelineEvent(
                T0.plusMillis(95_500),
                Duration.ofMillis(95_300),
                "participant.left",
                1,
                "p-a",
                "sip:agentA@cc"),
            new TimelineEvent(
                T0.plusMillis(95_500),
                Duration.ofMillis(95_300),
                "participant.joined",
                1,
                "p-b",
                "sip:agentB@cc")));
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("conversationId", "conv-1");
    fields.put("ani", "+15551230001");
    fields.put("dnis", "+15559870000");
    return fields;
  }

  private static ObjectNode render(RecordingSummary summary) {
    return new SidecarWriter().toTree(summary, FILES, List.of());
  }

  private static ObjectNode transfer() {
    return render(summary(EndReason.BYE, fields(), List.of("agentId"), "group-7"));
  }

  private static JsonNode agentTrack() {
    return transfer().get("tracks").get(1);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void normalisedFieldsKeepTheirOrder() {
    JsonNode fields = transfer().get("fields");

    assertThat(names(fields)).containsExactly("conversationId", "ani", "dnis");
    assertThat(fields.get("ani").asText()).isEqualTo("+15551230001");
  }

  @Test
  void aMissingRequiredFieldIsListedAndTheRecordingIsNotMatched() {
    ObjectNode root = transfer();

    assertThat(root.get("missingFields")).hasSize(1);
    assertThat(root.get("missingFields").get(0).asText()).isEqualTo("agentId");
    assertThat(root.get("metadataMatched").asBoolean()).isFalse();
  }

  @Test
  void noMissingFieldMeansMatched() {
    ObjectNode root = render(summary(EndReason.BYE, fields(), List.of(), null));

    assertThat(root.get("missingFields")).isEmpty();
    assertThat(root.get("metadataMatched").asBoolean()).isTrue();
  }

  @Test
  void flagsAreCarriedAsGiven() {
    assertThat(transfer().get("flags")).hasSize(1);
    assertThat(transfer().get("flags").get(0).asText()).isEqualTo("label-unmatched: 3");
  }

  @Test
  void groupIdComesFromTheSummary() {
    assertThat(transfer().get("groupId").asText()).isEqualTo("group-7");
  }

  @Test
  void groupIdFallsBackToTheMetadataGroupReference() {
    ObjectNode root = render(summary(EndReason.BYE, fields(), List.of(), null));

    assertThat(root.get("groupId").asText()).isEqualTo("group-from-metadata");
  }

  @Test
  void eventsCarryOffsetsAndNullForNoStream() {
    JsonNode events = transfer().get("events");

    assertThat(events).hasSize(3);
    assertThat(names(events.get(0)))
        .containsExactly("at", "offsetMs", "type", "streamIndex", "participantId", "detail");
    assertThat(events.get(0).get("offsetMs").asLong()).isEqualTo(-200);
    assertThat(events.get(0).get("streamIndex").isNull()).isTrue();
    assertThat(events.get(0).get("participantId").isNull()).isTrue();
    JsonNode joined = events.get(2);
    assertThat(joined.get("at").asText()).isEqualTo("2026-01-01T00:01:35.500Z");
    assertThat(joined.get("offsetMs").asLong()).isEqualTo(95_300);
    assertThat(joined.get("type").asText()).isEqualTo("participant.joined");
    assertThat(joined.get("streamIndex").asInt()).isEqualTo(1);
    assertThat(joined.get("participantId").asText()).isEqualTo("p-b");
    assertThat(joined.get("detail").asText()).isEqualTo("sip:agentB@cc");
  }

  @Test
  void participationShowsAgentAThenAgentBToTheEnd() {
    JsonNode spans = agentTrack().get("participation");

    assertThat(spans).hasSize(2);
    JsonNode a = spans.get(0);
    assertThat(names(a)).containsExactly("participantId", "aor", "name", "fromMs", "toMs");
    assertThat(a.get("participantId").asText()).isEqualTo("p-a");
    assertThat(a.get("aor").asText()).isEqualTo("sip:agentA@cc");
    assertThat(a.get("name").asText()).isEqualTo("Agent A");
    assertThat(a.get("fromMs").asLong()).isZero();
    assertThat(a.get("toMs").asLong()).isEqualTo(95_300);
    JsonNode b = spans.get(1);
    assertThat(b.get("participantId").asText()).isEqualTo("p-b");
    assertThat(b.get("fromMs").asLong()).isEqualTo(95_300);
    assertThat(b.get("toMs").isNull()).as("to the end").isTrue();
  }

  @Test
  void everyGapCauseIsNamedWithOffsetsInMillisecondsAndSamples() {
    JsonNode gaps = agentTrack().get("timeline").get("gaps");

    assertThat(gaps).hasSize(8);
    assertThat(names(gaps.get(0)))
        .containsExactly("offsetMs", "lengthMs", "offsetSamples", "lengthSamples", "cause");
    List<String> causes = new ArrayList<>();
    gaps.forEach(g -> causes.add(g.get("cause").asText()));
    assertThat(causes)
        .containsExactly("lead_in", "loss", "loss", "dtx", "pause", "hold", "reanchor", "tail");
    JsonNode pause = gaps.get(4);
    assertThat(pause.get("offsetMs").asLong()).isEqualTo(10_000);
    assertThat(pause.get("lengthMs").asLong()).isEqualTo(2_000);
    assertThat(pause.get("offsetSamples").asLong()).isEqualTo(80_000);
    assertThat(pause.get("lengthSamples").asLong()).isEqualTo(16_000);
    assertThat(gaps.get(6).get("offsetMs").asLong()).isEqualTo(95_300);
  }

  @Test
  void ssrcChangeIsListedWithBothSourcesInHex() {
    JsonNode change = agentTrack().get("timeline").get("ssrcChanges").get(0);

    assertThat(change.get("offsetMs").asLong()).isEqualTo(95_310);
    assertThat(change.get("offsetSamples").asLong()).isEqualTo(762_480);
    assertThat(change.get("previousSsrc").asText()).isEqualTo("0a0b0c0d");
    assertThat(change.get("ssrc").asText()).isEqualTo("fedcba98");
    assertThat(change.get("at").asText()).isEqualTo("2026-01-01T00:01:35.310Z");
    assertThat(agentTrack().get("ssrcChanges").asInt()).as("the count stays").isEqualTo(1);
  }

  @Test
  void anUnmaskedDtmfEventNamesItsDigit() {
    JsonNode hash = agentTrack().get("timeline").get("dtmf").get(0);

    assertThat(hash.get("digit").asText()).isEqualTo("#"); // RFC 4733 event 11
    assertThat(hash.get("offsetMs").asLong()).isEqualTo(5_000);
    assertThat(hash.get("durationMs").asLong()).isEqualTo(100);
    assertThat(hash.get("masked").asBoolean()).isFalse();
  }

  @Test
  void aMaskedDtmfEventOmitsItsDigit() {
    JsonNode masked = agentTrack().get("timeline").get("dtmf").get(1);

    assertThat(masked.has("digit")).isFalse();
    assertThat(masked.get("masked").asBoolean()).isTrue();
    assertThat(masked.get("offsetMs").asLong()).isEqualTo(6_000);
    assertThat(masked.get("durationMs").asLong()).isEqualTo(120);
    assertThat(masked.toString()).doesNotContain("\"7\"");
  }

  @Test
  void completenessJoinsPacketCountsWithSilenceByCause() {
    JsonNode completeness = agentTrack().get("completeness");

    assertThat(names(completeness))
        .containsExactly(
            "packetsExpected",
            "received",
            "lost",
            "late",
            "duplicate",
            "discarded",
            "authFailed",
            "replayed",
            "lossGaps",
            "lossMs",
            "pauseMs",
            "holdMs",
            "dtxMs");
    assertThat(completeness.get("packetsExpected").asLong()).isEqualTo(6000);
    assertThat(completeness.get("received").asLong()).isEqualTo(5990);
    assertThat(completeness.get("lost").asLong()).isEqualTo(10);
    assertThat(completeness.get("late").asLong()).isEqualTo(2);
    assertThat(completeness.get("duplicate").asLong()).isEqualTo(3);
    assertThat(completeness.get("discarded").asLong()).isEqualTo(1);
    assertThat(completeness.get("authFailed").asLong()).isEqualTo(4);
    assertThat(completeness.get("replayed").asLong()).isEqualTo(5);
    assertThat(completeness.get("lossGaps").asLong()).isEqualTo(2);
    assertThat(completeness.get("lossMs").asLong()).isEqualTo(60);
    assertThat(completeness.get("pauseMs").asLong()).isEqualTo(2_000);
    assertThat(completeness.get("holdMs").asLong()).isEqualTo(1_000);
    assertThat(completeness.get("dtxMs").asLong()).isEqualTo(500);
  }

  @Test
  void aTrackWithoutTimelineHasUnknownGapSumsNotZero() {
    StreamStats stats = stats(0);
    RecordingSummary summary =
        new RecordingSummary(
            ID,
            "call",
            "sip:a@b",
            "sip:c@d",
            T0,
            T0,
            T0,
            T0,
            EndReason.BYE,
            Duration.ZERO,
            null,
            List.of(new TrackSummary(0, "1", Codec.PCMU, 0, List.of(), stats)),
            List.of());

    JsonNode track = render(summary).get("tracks").get(0);

    assertThat(track.get("timeline").isNull()).isTrue();
    assertThat(track.get("participation")).isEmpty();
    assertThat(track.get("completeness").get("lost").asLong()).isEqualTo(10);
    assertThat(track.get("completeness").get("lossMs").isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = EndReason.class,
      names = {"SHUTDOWN", "ERROR", "RECOVERED"})
  void aCallWeCutShortIsIncomplete(EndReason reason) {
    assertThat(render(summary(reason, fields(), List.of(), null)).get("status").asText())
        .isEqualTo("incomplete");
  }

  @ParameterizedTest
  @EnumSource(
      value = EndReason.class,
      names = {"SHUTDOWN", "ERROR", "RECOVERED"},
      mode = EnumSource.Mode.EXCLUDE)
  void aCallTheSrcEndedIsCompleteWithItsReason(EndReason reason) {
    ObjectNode root = render(summary(reason, fields(), List.of(), null));

    assertThat(root.get("status").asText()).isEqualTo("complete");
    assertThat(root.get("endReason").asText()).isEqualTo(reason.name().toLowerCase(Locale.ROOT));
  }

  @Test
  void aSkippedStereoFileIsExplainedAndFlagged() {
    ObjectNode root =
        new SidecarWriter()
            .toTree(
                summary(EndReason.BYE, fields(), List.of(), null),
                FILES,
                List.of(),
                StereoOutcome.skipped("no two tracks share a sample rate"));

    assertThat(root.get("stereo").get("file").isNull()).isTrue();
    assertThat(root.get("stereo").get("skipped").asText())
        .isEqualTo("no two tracks share a sample rate");
    assertThat(root.get("flags").get(1).asText())
        .isEqualTo("stereo-skipped: no two tracks share a sample rate");
  }
}
