package io.srs.daemon.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.metadata.MetadataLimits;
import io.srs.core.metadata.MetadataMerger;
import io.srs.core.metadata.MetadataParser;
import io.srs.core.metadata.Participant;
import io.srs.core.metadata.RecordingMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetadataRendererTest {
  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
  private final MetadataRenderer renderer = new MetadataRenderer();
  private final MetadataParser parser = new MetadataParser(MetadataLimits.DEFAULT);
  private final CallIdentity call = CallIdentity.create(7, "127.0.0.1", new Random(7));

  private RecordingMetadata parse(String xml) throws Exception {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theInitialDocumentParsesAndNamesTheCallerAndAgentA(Dialect dialect) throws Exception {
    RecordingMetadata metadata = parse(renderer.initial(dialect, call, START));
    assertThat(metadata.participants())
        .extracting(Participant::primaryAor)
        .containsExactlyInAnyOrder(call.callerAor(), call.agentAAor());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void labelOneCarriesTheCallerAndLabelTwoAgentA(Dialect dialect) throws Exception {
    RecordingMetadata metadata = parse(renderer.initial(dialect, call, START));
    assertThat(metadata.sendersOnLabel("1"))
        .extracting(Participant::primaryAor)
        .containsExactly(call.callerAor());
    assertThat(metadata.sendersOnLabel("2"))
        .extracting(Participant::primaryAor)
        .containsExactly(call.agentAAor());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theTransferUpdateLeavesAgentBAloneOnTheAgentStream(Dialect dialect) throws Exception {
    RecordingMetadata initial = parse(renderer.initial(dialect, call, START));
    RecordingMetadata update = parse(renderer.transfer(dialect, call, START.plusSeconds(5)));
    RecordingMetadata merged = MetadataMerger.merge(initial, update);
    assertThat(merged.sendersOnLabel("2"))
        .extracting(Participant::primaryAor)
        .containsExactly(call.agentBAor());
    assertThat(merged.sendersOnLabel("1"))
        .extracting(Participant::primaryAor)
        .containsExactly(call.callerAor());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void onlyGenesysAddsItsHeaders(Dialect dialect) {
    var headers = dialect.inviteHeaders(call);
    if (dialect == Dialect.GENESYS) {
      assertThat(headers)
          .containsEntry("X-Genesys-ConversationId", call.conversationId())
          .containsEntry("X-Genesys-AgentId", "agent-a");
    } else {
      assertThat(headers).isEmpty();
    }
  }
}
