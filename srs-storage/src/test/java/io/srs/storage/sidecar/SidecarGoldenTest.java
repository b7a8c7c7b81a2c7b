package io.srs.storage.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.GapCause;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.port.StreamTimeline.DtmfEvent;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.core.port.StreamTimeline.SourceChange;
import io.srs.core.port.StreamTimeline.SsrcChange;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sidecar's exact bytes for one recording that uses every part of the schema: the whole RFC
 * 7865 model (every association with both times, a session with its stop time, extension data), a
 * track with each kind of timeline entry, one without stats or timeline, a declined stream, stereo,
 * session events and metadata versions. Readers parse the sidecar by name, but vaults hash it and
 * diff it across versions: a refactoring must not move a byte. After an intended schema change,
 * regenerate the expected file with {@code -Dsrs.sidecar.golden.write=true} and review the diff.
 */
class SidecarGoldenTest {
  private static final String GOLDEN = "golden-sidecar.json";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final String METADATA =
      """
      <recording xmlns="urn:ietf:params:xml:ns:recording:1"
                 xmlns:apkt="http://acmepacket.com/siprec/extensiondata">
        <datamode>complete</datamode>
        <group group_id="g-1">
          <associate-time>2026-01-01T00:00:00Z</associate-time>
          <disassociate-time>2026-01-01T00:02:00Z</disassociate-time>
        </group>
        <session session_id="s-1">
          <sipSessionID>ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2</sipSessionID>
          <group-ref>g-1</group-ref>
          <start-time>2026-01-01T00:00:01Z</start-time>
          <stop-time>2026-01-01T00:02:00Z</stop-time>
        </session>
        <participant participant_id="p-1">
          <nameID aor="sip:alice@example.com"><name xml:lang="en">Alice</name></nameID>
          <nameID aor="tel:+15551230001"/>
        </participant>
        <participant participant_id="p-2"><nameID aor="sip:bob@example.com"/></participant>
        <stream stream_id="st-1" session_id="s-1"><label>1</label></stream>
        <stream stream_id="st-2" session_id="s-1"><label>2</label></stream>
        <sessionrecordingassoc session_id="s-1">
          <associate-time>2026-01-01T00:00:01Z</associate-time>
          <disassociate-time>2026-01-01T00:02:00Z</disassociate-time>
        </sessionrecordingassoc>
        <participantsessionassoc participant_id="p-1" session_id="s-1">
          <associate-time>2026-01-01T00:00:02Z</associate-time>
        </participantsessionassoc>
        <participantsessionassoc participant_id="p-2" session_id="s-1">
          <associate-time>2026-01-01T00:00:02Z</associate-time>
          <disassociate-time>2026-01-01T00:01:35Z</disassociate-time>
        </participantsessionassoc>
        <participantstreamassoc participant_id="p-1">
          <send>st-1</send>
          <recv>st-2</recv>
          <associate-time>2026-01-01T00:00:02Z</associate-time>
        </participantstreamassoc>
        <participantstreamassoc participant_id="p-2">
          <send>st-2</send>
          <recv>st-1</recv>
          <associate-time>2026-01-01T00:00:02Z</associate-time>
          <disassociate-time>2026-01-01T00:01:35Z</disassociate-time>
        </participantstreamassoc>
        <extensiondata parent="s-1"><apkt:ucid>00FA080018803B69</apkt:ucid></extensiondata>
      </recording>
      """;

  private static RecordingSummary summary(RecordingMetadata metadata) {
    StreamStats stats =
        new StreamStats(1, 5990, 6000, 10, 2, 3, 1, 960_000, 4000, 0x0a0b0c0dL, 1, T0, 0, 0);
    StreamTimeline timeline =
        new StreamTimeline(
            1,
            8000,
            List.of(
                new Gap(0, 800, GapCause.LEAD_IN),
                new Gap(8000, 160, GapCause.LOSS),
                new Gap(24_000, 4000, GapCause.DTX),
                new Gap(80_000, 16_000, GapCause.PAUSE),
                new Gap(200_000, 8000, GapCause.HOLD),
                new Gap(762_400, 80, GapCause.REANCHOR),
                new Gap(959_200, 800, GapCause.TAIL)),
            List.of(
                new SsrcChange(
                    762_480, 0x0a0b0c0dL, 0xFEDCBA98L, Instant.parse("2026-01-01T00:01:35.310Z"))),
            List.of(new DtmfEvent(11, 40_000, 800, false), new DtmfEvent(7, 48_000, 960, true)),
            List.of(
                new SourceChange(
                    762_480,
                    "192.0.2.10:30000",
                    "192.0.2.11:41000",
                    Instant.parse("2026-01-01T00:01:35.300Z"))));
    var alice = metadata.participants().get(0);
    var bob = metadata.participants().get(1);
    TrackSummary caller = new TrackSummary(0, "1", Codec.PCMU, 0, List.of(alice), null);
    TrackSummary agent =
        new TrackSummary(
            1,
            "2",
            Codec.PCMA,
            8,
            List.of(bob),
            stats,
            List.of(new Participation(bob, Duration.ZERO, Duration.ofMillis(95_300))),
            timeline);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ani", "+15551230001");
    fields.put("agentId", "bob");
    return new RecordingSummary(
        new RecordingId("20260101T000000Z-00000000000000aa"),
        "call-1@sbc",
        "sip:src@sbc",
        "sip:srs@rec",
        T0,
        T0.plusMillis(40),
        T0.plusMillis(200),
        T0.plusMillis(120_200),
        EndReason.BYE,
        Duration.ofMillis(120_000),
        metadata,
        List.of(caller, agent),
        List.of(new DeclinedStream(2, "3", "no codec we can store bit-exactly")),
        fields,
        List.of("dnis"),
        "g-1",
        List.of("label-unmatched: 3"),
        List.of(
            new TimelineEvent(T0, Duration.ofMillis(-200), "metadata.updated", -1, null, "1"),
            new TimelineEvent(
                T0.plusMillis(95_500),
                Duration.ofMillis(95_300),
                "participant.left",
                1,
                "p-2",
                "sip:bob@example.com")));
  }

  private static byte[] render() throws Exception {
    RecordingMetadata metadata =
        new MetadataParser(MetadataLimits.DEFAULT).parse(METADATA.getBytes(StandardCharsets.UTF_8));
    RecordingSummary summary = summary(metadata);
    List<TrackFile> files =
        List.of(
            new TrackFile(0, "track-0-1.wav", AudioEncoding.MULAW, 8000, 960_000, 960_058, "aa"),
            new TrackFile(1, "track-1-2.wav", AudioEncoding.ALAW, 8000, 960_000, 960_058, "bb"));
    List<MetadataFile> versions =
        List.of(
            new MetadataFile(
                2, T0.plusSeconds(95), "application/rs-metadata+xml", "m-2.xml", 9, "d"),
            new MetadataFile(1, T0, "application/rs-metadata+xml", "m-1.xml", 7, "c"));
    StereoOutcome stereo =
        new StereoOutcome(
            "stereo.wav",
            8000,
            960_000,
            3_840_044,
            "ee",
            "ani",
            List.of(
                new StereoOutcome.Channel(0, 0, "1", metadata.participants().subList(0, 1)),
                new StereoOutcome.Channel(1, 1, "2", metadata.participants().subList(1, 2))),
            null);
    return new SidecarWriter().render(summary, files, versions, stereo);
  }

  @Test
  void theSidecarIsByteForByteTheReviewedDocument() throws Exception {
    byte[] actual = render();
    if (Boolean.getBoolean("srs.sidecar.golden.write")) {
      Files.write(Path.of("src/test/resources/io/srs/storage/sidecar", GOLDEN), actual);
      return; // review the file's diff before committing it
    }
    byte[] expected;
    try (InputStream in = SidecarGoldenTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      expected = in.readAllBytes();
    }

    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }
}
