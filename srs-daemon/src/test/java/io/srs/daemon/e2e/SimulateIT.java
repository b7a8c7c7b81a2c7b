package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.daemon.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srs simulate} against the real recorder: what an operator runs before pointing an SBC at
 * it. The recordings it leaves must show what the simulated SRC did.
 */
class SimulateIT {
  private static final String AGENT_A = "sip:agent-a@simulate.example.com";
  private static final String AGENT_B = "sip:agent-b@simulate.example.com";

  /** re-INVITE round trips and scheduling on a loaded 2-core machine blur event edges. */
  private static final double EDGE_TOLERANCE_MS = 150;

  @TempDir Path work;

  /** {@code srs simulate <args>} in this JVM. */
  static CliRun simulate(String... args) {
    return CliRun.of("simulate", args);
  }

  @Test
  void oneCallWithATransferAndAPauseIsRecordedAsTheSrcPlacedIt() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of())) {
      CliRun run =
          simulate(
              "--target", "127.0.0.1:" + srs.sipPort,
              "--bind", "127.0.0.1",
              "--duration", "4",
              "--transfer-at", "1",
              "--pause-at", "2",
              "--pause-for", "1");
      assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
      assertThat(run.out()).contains("calls answered    1", "result: PASS");

      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(20));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      JsonNode agentTrack = RecordingFiles.track(sidecar, 1);
      List<JsonNode> spans = new ArrayList<>();
      agentTrack.get("participation").forEach(spans::add);
      assertThat(spans).as(sidecar.toPrettyString()).hasSize(2);
      assertThat(spans.get(0).get("aor").asText()).isEqualTo(AGENT_A);
      assertThat(spans.get(1).get("aor").asText()).isEqualTo(AGENT_B);
      assertThat(spans.get(1).get("fromMs").asDouble())
          .as("agent B joins at the transfer; sidecar:%n%s", sidecar.toPrettyString())
          .isCloseTo(1000, within(EDGE_TOLERANCE_MS));

      for (int index = 0; index < 2; index++) {
        JsonNode track = RecordingFiles.track(sidecar, index);
        List<JsonNode> pauses = new ArrayList<>();
        track
            .get("timeline")
            .get("gaps")
            .forEach(
                g -> {
                  if (g.get("cause").asText().equalsIgnoreCase("pause")) {
                    pauses.add(g);
                  }
                });
        assertThat(pauses).as("track %d: %s", index, track.toPrettyString()).hasSize(1);
        assertThat(pauses.get(0).get("offsetMs").asDouble())
            .isCloseTo(2000, within(EDGE_TOLERANCE_MS));
        assertThat(pauses.get(0).get("lengthMs").asDouble())
            .isCloseTo(1000, within(EDGE_TOLERANCE_MS));
      }
    }
  }

  @Test
  void tenCallsAtFivePerSecondAreTenRecordingsOfTheRealDaemon() throws Exception {
    Path recordings = work.resolve("recordings");
    int sipPort = FreePorts.udpAndTcp();
    int rtpLow = FreePorts.evenRangeStart(200);
    try (DaemonProcess daemon =
        DaemonProcess.start(
            work,
            "--bind",
            "127.0.0.1",
            "--sip-port",
            Integer.toString(sipPort),
            "--rtp-ports",
            rtpLow + "-" + (rtpLow + 199),
            "--recordings",
            recordings.toString())) {
      CliRun run =
          simulate(
              "--target", "127.0.0.1:" + sipPort,
              "--bind", "127.0.0.1",
              "--calls", "10",
              "--rate", "5",
              "--duration", "2");
      assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
      assertThat(run.out())
          .contains("calls attempted   10", "calls answered    10", "calls failed      0");

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (RecordingFiles.sidecars(recordings).size() < 10 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(RecordingFiles.sidecars(recordings))
          .as("daemon output:%n%s", daemon.output())
          .hasSize(10);
    }
  }

  @Test
  void tlsOptionsWithAnotherTransportAreAUsageError() {
    CliRun run = simulate("--target", "127.0.0.1:5060", "--tls-insecure");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--tls-* options need --transport tls");
  }

  @Test
  void anUnknownSrtpSuiteIsAUsageErrorListingTheSuites() {
    CliRun run = simulate("--target", "127.0.0.1:5060", "--srtp", "F8_128_HMAC_SHA1_80");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown --srtp suite 'F8_128_HMAC_SHA1_80'", "AEAD_AES_256_GCM");
  }

  @Test
  void anSrtpKeyLogWithoutSrtpIsAUsageError() {
    CliRun run = simulate("--target", "127.0.0.1:5060", "--srtp-key-log", "keys.log");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--srtp-key-log needs --srtp");
  }

  @Test
  void srtpOverUdpKeepsItsContextThroughATransferAndAPauseAndWarnsOfClearSdp() throws Exception {
    Path keyLog = work.resolve("srtp-keys.log");
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of())) {
      CliRun run =
          simulate(
              "--target",
              "127.0.0.1:" + srs.sipPort,
              "--bind",
              "127.0.0.1",
              "--duration",
              "3",
              "--transfer-at",
              "1",
              "--pause-at",
              "1.5",
              "--pause-for",
              "0.5",
              "--srtp",
              "--srtp-key-log",
              keyLog.toString());
      assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
      assertThat(run.out()).contains("over SRTP AES_CM_128_HMAC_SHA1_80");
      assertThat(run.err()).contains("WARNING: --srtp over udp", "RFC 4568 §8.3");

      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(20));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      for (int index = 0; index < 2; index++) {
        JsonNode track = RecordingFiles.track(sidecar, index);
        assertThat(track.get("srtp").get("suite").asText()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
        assertThat(track.get("packets").get("authFailed").asLong())
            .as("the re-INVITEs repeat the key, so the context (and ROC) carries on; %s", track)
            .isZero();
        assertThat(track.get("packets").get("received").asLong())
            .as("2.5 s of 20 ms packets outside the pause")
            .isBetween(110L, 130L);
      }
      assertThat(sidecar.toString()).doesNotContain("srtp.rekeyed");
      List<String> lines = java.nio.file.Files.readAllLines(keyLog);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains(" label:1 a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
      assertThat(java.nio.file.Files.getPosixFilePermissions(keyLog))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
  }
}
