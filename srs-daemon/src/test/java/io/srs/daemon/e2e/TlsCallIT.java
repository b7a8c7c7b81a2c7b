package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.daemon.testing.CliRun;
import io.srs.daemon.testing.TestKeyStores;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPREC over TLS end to end (issue 5): the real daemon with a key store generated for the test,
 * {@code srs simulate --transport tls} as the SRC, the recording in the vault, and failed
 * handshakes in {@code /metrics} and the log.
 */
class TlsCallIT {
  private static final TestKeyStores keys = TestKeyStores.shared();

  @TempDir Path work;

  private Path config(int tlsPort, String password) throws Exception {
    Path config = work.resolve("srs.yaml");
    Files.writeString(config, keys.sipTlsYaml(tlsPort, password));
    return config;
  }

  @Test
  void aSimulatedCallOverTlsIsRecordedAndAPlainTcpProbeIsCounted() throws Exception {
    Path recordings = work.resolve("recordings");
    int sipPort = FreePorts.udpAndTcp();
    int tlsPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    try (DaemonProcess daemon =
        DaemonProcess.start(
            work,
            "--config",
            config(tlsPort, TestKeyStores.PASSWORD).toString(),
            "--bind",
            "127.0.0.1",
            "--sip-port",
            Integer.toString(sipPort),
            "--http-port",
            Integer.toString(httpPort),
            "--recordings",
            recordings.toString())) {
      assertThat(daemon.output())
          .contains("udp+tls 127.0.0.1:" + sipPort + " (tls " + tlsPort + ")");

      CliRun run =
          SimulateIT.simulate(
              "--target", "127.0.0.1:" + tlsPort,
              "--transport", "tls",
              "--tls-trust", keys.serverCertificatePem.toString(),
              "--bind", "127.0.0.1",
              "--duration", "2");
      assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
      assertThat(run.out()).contains("over TLS", "calls answered    1", "result: PASS");

      Path recording = RecordingFiles.awaitOneRecording(recordings, Duration.ofSeconds(20));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      assertThat(sidecar.get("endReason").asText()).isEqualToIgnoringCase("bye");
      assertThat(daemon.awaitLine("recording.completed", Duration.ofSeconds(5)))
          .contains("reason=BYE");
      assertThat(daemon.output()).doesNotContain("TLS handshake failed");

      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), tlsPort)) {
        OutputStream out = probe.getOutputStream();
        out.write("OPTIONS sip:srs@127.0.0.1 SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        probe.setSoTimeout(5000);
        probe.getInputStream().readAllBytes(); // until the recorder hangs up
      }
      assertThat(daemon.awaitLine("TLS handshake failed", Duration.ofSeconds(5)))
          .contains("reason=not_tls", "peer=127.0.0.1:", "port=" + tlsPort);
      assertThat(Http.get(httpPort, "/metrics").body())
          .contains("srs_tls_handshake_failures_total{reason=\"not_tls\"} 1.0")
          .contains("srs_tls_handshake_failures_total{reason=\"timeout\"} 0.0");

      // An SRC that trusts only the public CAs refuses the test certificate: the call fails
      // before its INVITE, and the recorder counts the refusal.
      CliRun untrusted =
          SimulateIT.simulate(
              "--target", "127.0.0.1:" + tlsPort,
              "--transport", "tls",
              "--bind", "127.0.0.1",
              "--duration", "1");
      assertThat(untrusted.exit()).isEqualTo(1);
      assertThat(untrusted.err()).contains("failed: tls", "PKIX");
      daemon.awaitLine("reason=certificate_rejected", Duration.ofSeconds(5));
      assertThat(Http.get(httpPort, "/metrics").body())
          .contains("srs_tls_handshake_failures_total{reason=\"certificate_rejected\"} 1.0");
    }
  }

  @Test
  void aWrongKeyStorePasswordStopsTheDaemonWithAConfigErrorNamingTheKey() throws Exception {
    int tlsPort = FreePorts.udpAndTcp();
    try (DaemonProcess daemon =
        DaemonProcess.launch(
            work,
            "--config",
            config(tlsPort, "not-the-password").toString(),
            "--sip-port",
            Integer.toString(FreePorts.udpAndTcp()),
            "--recordings",
            work.resolve("recordings").toString())) {
      assertThat(daemon.awaitExit(Duration.ofSeconds(30))).isEqualTo(78);
      assertThat(daemon.output())
          .contains("config key 'sip.tls.key-store-password': does not open")
          .doesNotContain("not-the-password");
    }
  }
}
