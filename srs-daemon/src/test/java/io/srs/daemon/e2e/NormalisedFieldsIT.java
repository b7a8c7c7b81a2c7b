package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance team's question "who was on it?" answered per recording, and counted: a Genesys
 * Cloud call carries its conversation and agent ids in X-Genesys headers; a call from an SRC that
 * sends no agent id is flagged, and the metadata match rate counts one of two.
 */
class NormalisedFieldsIT {
  private static final String GENESYS_HEADERS =
      "User-Agent: Genesys Cloud Edge\r\n"
          + "X-Genesys-ConversationId: 6b3c2e1a-8f0d-4c47-9a7e-0f3b2d9c1e55\r\n"
          + "X-Genesys-AgentId: 1f2e3d4c-aaaa-bbbb-cccc-0123456789ab\r\n"
          + "X-Genesys-Queue: Claims\r\n";

  @TempDir Path work;

  @Test
  void fieldsAreExtractedFlaggedWhenMissingAndTheMatchRateIsCounted() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of())) {
      String metadata = InJvmDaemon.resource("/e2e/metadata-two-parties.xml");
      call(srs, metadata, GENESYS_HEADERS);
      call(srs, metadata, "");

      List<JsonNode> sidecars = awaitSidecars(srs, 2);
      JsonNode genesys = withField(sidecars, "agentId");
      assertThat(genesys.get("fields").get("conversationId").asText())
          .isEqualTo("6b3c2e1a-8f0d-4c47-9a7e-0f3b2d9c1e55");
      assertThat(genesys.get("fields").get("agentId").asText())
          .isEqualTo("1f2e3d4c-aaaa-bbbb-cccc-0123456789ab");
      assertThat(genesys.get("fields").get("queue").asText()).isEqualTo("Claims");
      assertThat(genesys.get("metadataMatched").asBoolean()).isTrue();

      JsonNode other = sidecars.get(sidecars.get(0) == genesys ? 1 : 0);
      assertThat(other.get("metadataMatched").asBoolean()).isFalse();
      assertThat(other.get("missingFields"))
          .extracting(JsonNode::asText)
          .containsExactly("agentId");
      assertThat(other.get("flags"))
          .extracting(JsonNode::asText)
          .contains("missing-field: agentId");

      assertThat(srs.daemon.counters().completed()).isEqualTo(2);
      assertThat(srs.daemon.counters().metadataMatched()).isEqualTo(1);
      assertThat(srs.daemon.counters().metadataMatchRate()).isEqualTo(0.5);
    }
  }

  private static void call(InJvmDaemon srs, String metadata, String headers) throws Exception {
    try (RawSipClient src = new RawSipClient(srs.sipPort)) {
      assertThat(src.invite(metadata, headers).status()).isEqualTo(200);
      src.ack();
      assertThat(src.bye().status()).isEqualTo(200);
    }
  }

  private static List<JsonNode> awaitSidecars(InJvmDaemon srs, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (RecordingFiles.sidecars(srs.recordings).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<JsonNode> sidecars = new ArrayList<>();
    for (Path sidecar : RecordingFiles.sidecars(srs.recordings)) {
      sidecars.add(RecordingFiles.sidecar(sidecar.getParent()));
    }
    assertThat(sidecars).hasSize(count);
    return sidecars;
  }

  private static JsonNode withField(List<JsonNode> sidecars, String field) {
    return sidecars.stream()
        .filter(s -> s.get("fields").has(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sidecar with " + field + ": " + sidecars));
  }
}
