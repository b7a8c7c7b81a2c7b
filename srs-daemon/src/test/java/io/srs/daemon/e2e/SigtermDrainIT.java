package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on the real process with a call in progress (issue 5, "Capacity and lifecycle"): the
 * recorder stops taking calls (INVITE and OPTIONS 503, /health/ready 503) but the call runs on, and
 * its own BYE completes the recording before the process exits.
 */
class SigtermDrainIT {
  @TempDir Path work;

  @Test
  void sigtermRefusesNewCallsButLetsTheCallInProgressEndWithItsByeBeforeExiting() throws Exception {
    Path recordings = work.resolve("recordings");
    Path config = work.resolve("srs.yaml");
    Files.writeString(config, "limits:\n  drain-seconds: 25\n");
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    String metadata = InJvmDaemon.resource("/e2e/metadata-two-parties.xml");

    try (DaemonProcess daemon =
            DaemonProcess.start(
                work,
                "--config",
                config.toString(),
                "--sip-port",
                Integer.toString(sipPort),
                "--http-port",
                Integer.toString(httpPort),
                "--recordings",
                recordings.toString());
        RawSipClient call = new RawSipClient(sipPort);
        RawSipClient late = new RawSipClient(sipPort);
        RawSipClient probe = new RawSipClient(sipPort)) {
      assertThat(Http.get(httpPort, "/health/ready").statusCode()).isEqualTo(200);
      assertThat(call.invite(metadata).status()).isEqualTo(200);
      call.ack();
      daemon.awaitLine("recording.started", Duration.ofSeconds(10));

      daemon.terminate();
      daemon.awaitLine("stopping: draining", Duration.ofSeconds(10));

      RawSipClient.Response refused = late.invite(metadata);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isNotBlank();
      assertThat(probe.options().status()).isEqualTo(503);
      var ready = Http.get(httpPort, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("draining");
      assertThat(Http.get(httpPort, "/health/live").statusCode()).isEqualTo(200);
      assertThat(Http.get(httpPort, "/metrics").body())
          .contains("srs_calls_rejected_total{reason=\"draining\",status=\"503\"} 1.0")
          .contains("srs_draining 1.0")
          .contains("srs_sessions_active 1.0")
          .contains("srs_rtp_port_pairs_capacity 50.0")
          .contains("srs_recordings_accepted_total 1.0");

      assertThat(call.bye().status()).isEqualTo(200);
      daemon.awaitExit(Duration.ofSeconds(20));

      assertThat(daemon.output())
          .contains("recording.rejected")
          .contains("stopping: drained")
          .doesNotContain("drain limit");
      assertThat(daemon.awaitLine("recording.completed", Duration.ofSeconds(1)))
          .contains("reason=BYE");
      Path recording = RecordingFiles.awaitOneRecording(recordings, Duration.ofSeconds(1));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      assertThat(sidecar.get("endReason").asText()).isEqualToIgnoringCase("bye");
    }
  }
}
