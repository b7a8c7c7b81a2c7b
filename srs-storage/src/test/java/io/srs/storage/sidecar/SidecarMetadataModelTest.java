package io.srs.storage.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sidecar shows the whole RFC 7865 model in force at the end, extension data verbatim. */
class SidecarMetadataModelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final String DOCUMENT =
      """
      <recording xmlns="urn:ietf:params:xml:ns:recording:1"
                 xmlns:apkt="http://acmepacket.com/siprec/extensiondata">
        <datamode>complete</datamode>
        <group group_id="g-1"><associate-time>2026-01-01T00:00:00Z</associate-time></group>
        <session session_id="s-1">
          <group-ref>g-1</group-ref>
          <start-time>2026-01-01T00:00:01Z</start-time>
        </session>
        <participant participant_id="p-1"><nameID aor="sip:alice@example.com"/></participant>
        <stream stream_id="st-1" session_id="s-1"><label>1</label></stream>
        <sessionrecordingassoc session_id="s-1">
          <associate-time>2026-01-01T00:00:01Z</associate-time>
        </sessionrecordingassoc>
        <participantsessionassoc participant_id="p-1" session_id="s-1">
          <associate-time>2026-01-01T00:00:02Z</associate-time>
        </participantsessionassoc>
        <participantstreamassoc participant_id="p-1">
          <send>st-1</send>
          <associate-time>2026-01-01T00:00:02Z</associate-time>
        </participantstreamassoc>
        <extensiondata parent="s-1"><apkt:ucid>00FA080018803B69</apkt:ucid></extensiondata>
      </recording>
      """;

  private static JsonNode model() throws Exception {
    RecordingMetadata metadata =
        new MetadataParser(MetadataLimits.DEFAULT).parse(DOCUMENT.getBytes(StandardCharsets.UTF_8));
    RecordingSummary summary =
        new RecordingSummary(
            new RecordingId("20260101T000000Z-0123456789abcdef"),
            "call",
            "sip:src@sbc",
            "sip:srs@rec",
            T0,
            T0,
            T0,
            T0.plusSeconds(10),
            EndReason.BYE,
            Duration.ofSeconds(10),
            metadata,
            List.of(),
            List.of());
    return new SidecarWriter().toTree(summary, List.of(), List.of()).get("metadata");
  }

  @Test
  void groupsSessionTimesAndAssociationsAreShown() throws Exception {
    JsonNode model = model();

    assertThat(model.get("groups").get(0).get("id").asText()).isEqualTo("g-1");
    assertThat(model.get("sessions").get(0).get("startTime").asText())
        .isEqualTo("2026-01-01T00:00:01Z");
    assertThat(model.get("sessionRecordingAssociations").get(0).get("sessionId").asText())
        .isEqualTo("s-1");
    JsonNode participantSession = model.get("participantSessionAssociations").get(0);
    assertThat(participantSession.get("participantId").asText()).isEqualTo("p-1");
    assertThat(participantSession.get("associateTime").asText()).isEqualTo("2026-01-01T00:00:02Z");
    assertThat(participantSession.get("disassociateTime").isNull()).isTrue();
    assertThat(model.get("participantStreamAssociations").get(0).get("associateTime").asText())
        .isEqualTo("2026-01-01T00:00:02Z");
  }

  @Test
  void extensionDataIsKeptVerbatimWithItsNamespace() throws Exception {
    JsonNode extension = model().get("extensions").get(0);

    assertThat(extension.get("parent").asText()).isEqualTo("s-1");
    assertThat(extension.get("xml").asText())
        .contains("00FA080018803B69")
        .contains("http://acmepacket.com/siprec/extensiondata");
  }
}
