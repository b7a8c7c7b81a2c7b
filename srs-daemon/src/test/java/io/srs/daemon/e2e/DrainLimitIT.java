package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.port.RecordingEvent;
import io.srs.core.session.EndReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that outlasts limits.drain-seconds: stop() ends it with reason SHUTDOWN once the drain
 * limit passes, the SRC gets a BYE saying so before SIP stops, and the recording is finalised
 * before stop() returns.
 */
class DrainLimitIT {
  @TempDir Path work;

  @Test
  void aCallStillRunningAtTheDrainLimitIsHungUpEndedAsShutdownAndFinalised() throws Exception {
    int httpPort = FreePorts.udpAndTcp();
    try (InJvmDaemon srs =
            new InJvmDaemon(
                work,
                Map.of("limits.drain-seconds", "1", "http.port", Integer.toString(httpPort)));
        RawSipClient src = new RawSipClient(srs.sipPort)) {
      assertThat(src.invite(InJvmDaemon.resource("/e2e/metadata-two-parties.xml")).status())
          .isEqualTo(200);
      src.ack();
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> srs.events.stream().anyMatch(e -> e instanceof RecordingEvent.Started));

      CompletableFuture<Void> stopped =
          CompletableFuture.runAsync(
              () -> {
                try {
                  srs.daemon.stop();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> srs.daemon.coordinator().isDraining());
      assertThat(Http.get(httpPort, "/health/ready").statusCode()).isEqualTo(503);
      RawSipClient.Request bye = src.awaitRequest("BYE", Duration.ofSeconds(5));
      // SIP is still up (stop() waits for the answer), so the 200 reaches the recorder.
      assertThat(stopped).isNotDone();
      src.respond(bye, 200, "OK");
      stopped.get(15, TimeUnit.SECONDS);

      assertThat(bye.header("Reason")).isEqualTo("SIP;cause=503;text=\"recorder shutting down\"");

      assertThat(srs.events)
          .filteredOn(e -> e instanceof RecordingEvent.Completed)
          .singleElement()
          .extracting(e -> ((RecordingEvent.Completed) e).reason())
          .isEqualTo(EndReason.SHUTDOWN);
      assertThat(RecordingFiles.sidecars(srs.recordings)).hasSize(1);
    }
  }
}
