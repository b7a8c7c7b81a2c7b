package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.port.IndexedRecording;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third transfer shape: the SRC ends the first recording with BYE and starts a new one for the
 * transferred leg, both naming the same RFC 7865 group. Two recordings result, each with the group
 * id in its sidecar, and the index finds them together, oldest first.
 */
class GroupLinkedLegsIT {
  private static final String GROUP = "7cb3e1b0-4b5e-11ef-9a1b-0242ac120002";

  @TempDir Path work;

  @Test
  void twoLegsOfOneTransferredCallAreLinkedByTheirGroupId() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of())) {
      leg(srs, "session-leg-1", "agent007");
      Thread.sleep(20); // distinct start times, so "oldest first" means something
      leg(srs, "session-leg-2", "agent042");

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      List<IndexedRecording> legs = srs.daemon.index().byGroup(GROUP);
      while (legs.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        legs = srs.daemon.index().byGroup(GROUP);
      }

      assertThat(legs).hasSize(2);
      assertThat(legs.get(0).startedAt()).isBeforeOrEqualTo(legs.get(1).startedAt());
      assertThat(legs).allSatisfy(leg -> assertThat(leg.groupId()).isEqualTo(GROUP));
      for (IndexedRecording leg : legs) {
        assertThat(RecordingFiles.sidecar(Path.of(leg.location())).get("groupId").asText())
            .isEqualTo(GROUP);
      }
      assertThat(srs.daemon.index().byId(legs.get(1).id())).isPresent();
    }
  }

  private static void leg(InJvmDaemon srs, String session, String agent) throws Exception {
    String metadata =
        InJvmDaemon.resource("/e2e/metadata-group-leg.xml")
            .replace("${NOW}", Instant.now().toString())
            .replace("${SESSION}", session)
            .replace("${AGENT}", agent);
    try (RawSipClient src = new RawSipClient(srs.sipPort)) {
      assertThat(src.invite(metadata).status()).isEqualTo(200);
      src.ack();
      assertThat(src.bye().status()).isEqualTo(200);
    }
  }
}
