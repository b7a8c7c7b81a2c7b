package io.srs.storage.fs;

import io.srs.core.media.Codec;
import io.srs.core.metadata.DataMode;
import io.srs.core.metadata.MetadataSession;
import io.srs.core.metadata.MetadataStream;
import io.srs.core.metadata.NameId;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.ParticipantStreamAssociation;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.GapCause;
import io.srs.core.port.RawMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.DeclinedStream;
import io.srs.core.port.RecordingSummary.Participation;
import io.srs.core.port.RecordingSummary.TimelineEvent;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.port.StreamTimeline.Gap;
import io.srs.core.port.TrackSpec;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-party call recorded on two tracks (PCMU caller, PCMA agent), one m-line declined. */
final class Fixtures {
  static final RecordingId ID = new RecordingId("20261125T185046Z-3f9a1c2b7d04e5a6");
  static final String CALL_ID = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@src.example.com";
  static final Instant INVITED = Instant.parse("2026-11-25T18:50:46.120Z");
  static final Instant ANSWERED = Instant.parse("2026-11-25T18:50:46.135Z");
  static final Instant MEDIA = Instant.parse("2026-11-25T18:50:46.300Z");
  static final Instant ENDED = Instant.parse("2026-11-25T18:50:47.310Z");

  static final Participant CALLER =
      new Participant(
          "cDQ=",
          List.of(
              new NameId("sip:+15551230001@carrier.example.net", "Alice Caller", "en"),
              new NameId("tel:+15551230001", null, null)));
  static final Participant AGENT =
      new Participant("cDU=", List.of(new NameId("sip:agent42@cc.example.com", "Agent 42", null)));

  static final RecordingMetadata METADATA =
      new RecordingMetadata(
          DataMode.COMPLETE,
          List.of(
              new MetadataSession("c2Vzcw==", List.of("ab30317f1a784dc48ff824d0d3715d86"), null)),
          List.of(CALLER, AGENT),
          List.of(
              new MetadataStream("c3Qx", "c2Vzcw==", "1"),
              new MetadataStream("c3Qy", "c2Vzcw==", "2")),
          List.of(
              new ParticipantStreamAssociation("cDQ=", List.of("c3Qx"), List.of("c3Qy")),
              new ParticipantStreamAssociation("cDU=", List.of("c3Qy"), List.of("c3Qx"))));

  /** Verbatim bytes with CRLF, a BOM-less UTF-8 name and trailing whitespace: must survive. */
  static final byte[] RAW_XML =
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
              + "<recording xmlns='urn:ietf:params:xml:ns:recording:1'>\r\n"
              + "  <participant participant_id=\"cDQ=\"><nameID aor=\"sip:a@b\">"
              + "<name>Zo\u00eb</name></nameID></participant>\r\n"
              + "</recording>  \r\n")
          .getBytes(StandardCharsets.UTF_8);

  static final TrackSpec CALLER_TRACK =
      new TrackSpec(0, "1", Codec.PCMU.storedEncoding(), Codec.PCMU.sampleRate());
  static final TrackSpec AGENT_TRACK =
      new TrackSpec(1, "2", Codec.PCMA.storedEncoding(), Codec.PCMA.sampleRate());

  private Fixtures() {}

  static RawMetadata rawMetadata(int version) {
    return new RawMetadata(
        version, INVITED.plusSeconds(version - 1), "application/rs-metadata+xml", RAW_XML);
  }

  /** The normalised fields core extracted: the ANI is the caller's number. */
  static final Map<String, String> FIELDS =
      orderedMap(
          "agentId", "agent42",
          "conversationId", "9b2f6c1e-0d4a-4e8b-a1f3-5c7d9e0b2a46",
          "ani", "+15551230001",
          "dnis", "+15559870000");

  /**
   * A one-second call: the caller's stream lost one packet (160 samples at 0.5 s), the agent's
   * stream never sent (silence from the start), one metadata update.
   */
  static RecordingSummary summary() {
    StreamStats callerStats =
        new StreamStats(0, 50, 51, 1, 0, 0, 2, 8000, 160, 0x1234ABCDL, 0, MEDIA, 0, 0);
    StreamStats agentStats = new StreamStats(1, 0, 0, 0, 0, 0, 0, 8000, 8000, -1, 0, null, 0, 0);
    StreamTimeline callerTimeline =
        new StreamTimeline(
            0, 8000, List.of(new Gap(4000, 160, GapCause.LOSS)), List.of(), List.of(), List.of());
    StreamTimeline agentTimeline =
        new StreamTimeline(
            1, 8000, List.of(new Gap(0, 8000, GapCause.LEAD_IN)), List.of(), List.of(), List.of());
    return new RecordingSummary(
        ID,
        CALL_ID,
        "sip:src@sbc.example.com",
        "sip:srs@recorder.example.com",
        INVITED,
        ANSWERED,
        MEDIA,
        ENDED,
        EndReason.BYE,
        Duration.ofMillis(1000),
        METADATA,
        List.of(
            new TrackSummary(
                0,
                "1",
                Codec.PCMU,
                0,
                List.of(CALLER),
                callerStats,
                List.of(new Participation(CALLER, Duration.ZERO, null)),
                callerTimeline),
            new TrackSummary(
                1,
                "2",
                Codec.PCMA,
                8,
                List.of(AGENT),
                agentStats,
                List.of(new Participation(AGENT, Duration.ZERO, null)),
                agentTimeline,
                io.srs.core.media.SrtpSuite.AES_CM_128_HMAC_SHA1_32)),
        List.of(new DeclinedStream(2, "3", "no recordable codec offered: G729/8000")),
        FIELDS,
        List.of(),
        null,
        List.of(),
        List.of(
            new TimelineEvent(
                INVITED.plusSeconds(1),
                Duration.between(MEDIA, INVITED.plusSeconds(1)),
                "metadata.updated",
                -1,
                null,
                "2")));
  }

  /** A call like {@link #summary()} recorded on the given tracks, with the given fields. */
  static RecordingSummary summary(List<TrackSummary> tracks, Map<String, String> fields) {
    RecordingSummary base = summary();
    return new RecordingSummary(
        base.id(),
        base.callId(),
        base.fromUri(),
        base.toUri(),
        base.invitedAt(),
        base.answeredAt(),
        base.mediaStartedAt(),
        base.endedAt(),
        base.endReason(),
        base.duration(),
        base.metadata(),
        tracks,
        base.declined(),
        fields,
        base.missingFields(),
        base.groupId(),
        base.flags(),
        base.events());
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
