package io.srs.storage.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.srs.core.media.AudioEncoding;
import io.srs.core.media.Codec;
import io.srs.core.metadata.RecordingMetadata;
import io.srs.core.port.RecordingSummary;
import io.srs.core.port.RecordingSummary.TrackSummary;
import io.srs.core.port.StreamStats;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidecarWriterTest {
  private static final RecordingId ID = new RecordingId("20260101T000000Z-0000000000000001");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RecordingSummary summary(Instant mediaStartedAt, RecordingMetadata metadata) {
    StreamStats stats = new StreamStats(0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, null, 0, 0);
    return new RecordingSummary(
        ID,
        "call",
        "sip:a@b",
        "sip:c@d",
        T0,
        T0,
        mediaStartedAt,
        T0.plusMillis(1500),
        EndReason.CANCEL,
        Duration.ofMillis(1500),
        metadata,
        List.of(new TrackSummary(0, null, Codec.PCMU, 0, List.of(), stats)),
        List.of());
  }

  private static final List<TrackFile> FILES =
      List.of(new TrackFile(0, "track-0.wav", AudioEncoding.MULAW, 8000, 0, 58, "00"));

  @Test
  void absentValuesAreWrittenAsNull() throws Exception {
    byte[] json = new SidecarWriter().render(summary(null, null), FILES, List.of());

    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("mediaStartedAt").isNull()).isTrue();
    assertThat(root.get("tracks").get(0).get("label").isNull()).isTrue();
    assertThat(root.get("metadata").get("dataMode").asText()).isEqualTo("complete");
    assertThat(root.get("endReason").asText()).isEqualTo("cancel");
  }

  @Test
  void outputIsIndentedUtf8EndingInANewline() throws Exception {
    byte[] json =
        new SidecarWriter().render(summary(T0, RecordingMetadata.EMPTY), FILES, List.of());

    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\n  \"schema\": \"srs.recording/1\",\n").endsWith("}\n");
  }

  @Test
  void metadataVersionsAreListedInVersionOrder() throws Exception {
    List<MetadataFile> versions =
        List.of(
            new MetadataFile(2, T0, "application/rs-metadata+xml", "metadata-002.xml", 1, "b"),
            new MetadataFile(1, T0, "application/rs-metadata+xml", "metadata-001.xml", 1, "a"));

    JsonNode root =
        new SidecarWriter().toTree(summary(T0, RecordingMetadata.EMPTY), FILES, versions);

    assertThat(root.get("metadataVersions").get(0).get("version").asInt()).isEqualTo(1);
    assertThat(root.get("metadataVersions").get(1).get("version").asInt()).isEqualTo(2);
  }

  @Test
  void aTrackWithoutAStoredFileIsRefused() {
    assertThatThrownBy(
            () ->
                new SidecarWriter()
                    .toTree(summary(T0, RecordingMetadata.EMPTY), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no stored file for track 0");
  }
}
