package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.daemon.testing.CliRun;
import io.srs.daemon.testing.TestKeyStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SRTP end to end (issue 5), set up as a Genesys BYOC trunk is: SIP over TLS, SDES keys in the SDP,
 * {@code srtp.policy: required}. {@code srs simulate --srtp} is the SRC; sox must hear its tones in
 * the recorder's files, the sidecar must name the suite, and neither key may appear in the daemon's
 * log (run at TRACE for our code) or in any file the recorder wrote.
 */
@Timeout(120)
class SrtpCallIT {
  private static final TestKeyStores keys = TestKeyStores.shared();

  @TempDir Path work;

  @Test
  void srtpCallsAreRecordedBitExactAndTheirKeysAreNowhereOnDisk() throws Exception {
    Path recordings = work.resolve("recordings");
    int sipPort = FreePorts.udpAndTcp();
    int tlsPort = FreePorts.udpAndTcp();
    Path config = work.resolve("srs.yaml");
    Files.writeString(
        config, keys.sipTlsYaml(tlsPort, TestKeyStores.PASSWORD) + "srtp:\n  policy: required\n");
    Path keyLog = work.resolve("keys").resolve("srtp-keys.log");
    Files.createDirectories(keyLog.getParent());
    try (DaemonProcess daemon =
        DaemonProcess.start(
            work,
            List.of("-Dlogback.configurationFile=" + debugLogging()),
            "--config",
            config.toString(),
            "--bind",
            "127.0.0.1",
            "--sip-port",
            Integer.toString(sipPort),
            "--recordings",
            recordings.toString())) {
      for (String suite : List.of("AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80")) {
        CliRun run = simulateOverTls(tlsPort, "--srtp", suite, "--srtp-key-log", keyLog);
        assertThat(run.exit()).as("exit; stdout:%n%s%nstderr:%n%s", run.out(), run.err()).isZero();
        assertThat(run.out()).contains("over SRTP " + suite, "calls answered    1");
        assertThat(run.err()).doesNotContain("WARNING: --srtp"); // TLS carries the keys
      }
      awaitSidecars(recordings, 2);

      for (Path sidecarFile : RecordingFiles.sidecars(recordings)) {
        Path recording = sidecarFile.getParent();
        JsonNode sidecar = RecordingFiles.sidecar(recording);
        for (int index = 0; index < 2; index++) {
          JsonNode track = RecordingFiles.track(sidecar, index);
          assertThat(track.get("srtp").get("suite").asText())
              .as("sidecar:%n%s", sidecar.toPrettyString())
              .isIn("AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80");
          assertThat(track.get("packets").get("authFailed").asLong()).isZero();
          assertThat(track.get("packets").get("replayed").asLong()).isZero();
          double hz = index == 0 ? 440 : 1000;
          Path wav = recording.resolve(track.get("file").asText());
          assertThat(ExternalTools.soxStat(wav, 0.2, 1.2).roughFrequencyHz())
              .as("track %d of %s: sox hears the SRC's tone", index, recording)
              .isCloseTo(hz, within(hz * 0.05));
        }
      }
      List<String> suites = new ArrayList<>();
      for (Path sidecarFile : RecordingFiles.sidecars(recordings)) {
        suites.add(
            RecordingFiles.track(RecordingFiles.sidecar(sidecarFile.getParent()), 0)
                .get("srtp")
                .get("suite")
                .asText());
      }
      assertThat(suites).containsExactlyInAnyOrder("AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80");

      // An SRC offering plain RTP to a recorder that requires SRTP gets a precise 488.
      CliRun plain = simulateOverTls(tlsPort);
      assertThat(plain.exit()).isEqualTo(1);
      assertThat(plain.err()).contains("488", "SRTP is required");

      daemon.awaitLine("recording.completed", Duration.ofSeconds(10));
      List<String> secrets = secrets(keyLog);
      assertThat(secrets).as("two calls, two streams, base64 and hex forms").hasSize(8);
      String log = daemon.output();
      // Our layout (no timestamp) proves the leak check ran with our code at its most talkative.
      assertThat(log).contains("INFO io.srs.sip.handler.InviteHandler - accepted INVITE");
      for (String secret : secrets) {
        assertThat(log).as("the daemon's log").doesNotContain(secret);
        for (Path file : filesUnder(work, keyLog)) {
          assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
              .as("%s", file)
              .doesNotContain(secret);
        }
      }
    }
  }

  private static CliRun simulateOverTls(int tlsPort, Object... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--target", "127.0.0.1:" + tlsPort,
                "--transport", "tls",
                "--tls-trust", keys.serverCertificatePem.toString(),
                "--bind", "127.0.0.1",
                "--duration", "2"));
    for (Object arg : extra) {
      args.add(arg.toString());
    }
    return SimulateIT.simulate(args.toArray(String[]::new));
  }

  /** TRACE for our own code; JAIN-SIP stays at its default (it prints whole messages). */
  private Path debugLogging() throws IOException {
    Path file = work.resolve("logback-debug.xml");
    Files.writeString(
        file,
        """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%level %logger - %msg%n</pattern></encoder>
          </appender>
          <logger name="gov.nist" level="ERROR"/>
          <logger name="io.srs" level="TRACE"/>
          <logger name="srs" level="TRACE"/>
          <root level="INFO"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """);
    return file;
  }

  private static void awaitSidecars(Path recordings, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (RecordingFiles.sidecars(recordings).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(RecordingFiles.sidecars(recordings)).hasSize(count);
  }

  /** Each logged key||salt as its base64 (as it travelled) and as lower-case hex. */
  private static List<String> secrets(Path keyLog) throws IOException {
    List<String> secrets = new ArrayList<>();
    for (String line : Files.readAllLines(keyLog)) {
      String inline = line.substring(line.indexOf("inline:") + "inline:".length()).strip();
      secrets.add(inline);
      secrets.add(HexFormat.of().formatHex(Base64.getDecoder().decode(inline)));
    }
    return secrets;
  }

  /** Every regular file under {@code root} except the key log itself. */
  private static List<Path> filesUnder(Path root, Path keyLog) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.equals(keyLog)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
