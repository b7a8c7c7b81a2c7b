package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.port.IndexedRecording;
import io.srs.core.session.RecordingId;
import io.srs.storage.index.SqliteRecordingIndex;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md "Crash safety" on the real process: SIGKILL three seconds into a call leaves a
 * recording without a sidecar; the next start finalises it as incomplete before it answers any
 * call, and it is playable, attributed and findable.
 */
class KillRecoveryIT {
  private static final int PACKETS = 150; // 3 s of 20 ms G.711 per stream

  /** storage.write-buffer-bytes: at most this much per track is lost to the kill (0.5 s). */
  private static final int WRITE_BUFFER = 4096;

  @TempDir Path work;

  private DaemonProcess start(Path recordings, Path config, int sipPort, int httpPort)
      throws Exception {
    return DaemonProcess.start(
        work,
        "--config",
        config.toString(),
        "--sip-port",
        Integer.toString(sipPort),
        "--http-port",
        Integer.toString(httpPort),
        "--recordings",
        recordings.toString());
  }

  @Test
  void aCallCutBySigkillIsRecoveredIncompleteAtTheNextStartBeforeCallsAreTaken() throws Exception {
    ExternalTools.requireOnPath("sox");
    Path recordings = work.resolve("recordings");
    Path config = work.resolve("srs.yaml");
    Files.writeString(config, "storage:\n  write-buffer-bytes: " + WRITE_BUFFER + "\n");
    String callId;
    Path directory;

    int sipPort = FreePorts.udpAndTcp();
    DaemonProcess first = start(recordings, config, sipPort, FreePorts.udpAndTcp());
    try (RawSipClient src = new RawSipClient(sipPort);
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      RawSipClient.Response answer =
          src.invite(InJvmDaemon.resource("/e2e/metadata-two-parties.xml"));
      assertThat(answer.status()).isEqualTo(200);
      src.ack();
      callId = src.callId();
      List<Integer> ports = answer.mediaPorts();
      long start = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
        for (int stream = 0; stream < 2; stream++) {
          byte[] payload = TestAudio.mulawTone(stream == 0 ? 440 : 1000, i * 160L, 160);
          byte[] packet = RtpPackets.packet(0, i, (long) i * 160, 0x5100 + stream, payload);
          rtp.send(
              new DatagramPacket(
                  packet, packet.length, InetAddress.getByName("127.0.0.1"), ports.get(stream)));
        }
      }
      Thread.sleep(200); // the last packets leave the reorder window
      first.kill();
    } finally {
      first.close();
    }
    directory = onlyRecording(recordings);
    assertThat(directory.resolve("metadata.json")).as("killed: no sidecar").doesNotExist();
    assertThat(directory.resolve("inflight.json")).exists();

    int httpPort = FreePorts.udpAndTcp();
    try (DaemonProcess second = start(recordings, config, FreePorts.udpAndTcp(), httpPort)) {
      String recovered = second.awaitLine("recording.recovered", Duration.ofSeconds(5));
      assertThat(recovered).contains("callId=" + callId).contains("status=incomplete");
      assertThat(second.output().indexOf("recording.recovered"))
          .as("recovered before the recorder announced it takes calls")
          .isLessThan(second.output().indexOf("recording server started"));
      assertThat(Http.get(httpPort, "/metrics").body())
          .contains("srs_recordings_recovered_total 1.0");

      JsonNode sidecar = RecordingFiles.sidecar(directory);
      assertThat(sidecar.get("status").asText()).isEqualTo("incomplete");
      assertThat(sidecar.get("endReason").asText()).isEqualTo("recovered");
      assertThat(sidecar.get("callId").asText()).isEqualTo(callId);
      assertThat(sidecar.get("tracks")).hasSize(2);
      for (JsonNode track : sidecar.get("tracks")) {
        Path file = directory.resolve(track.get("file").asText());
        double seconds = ExternalTools.soxStat(file).lengthSeconds();
        double lostAtMost = WRITE_BUFFER / 8000.0;
        assertThat(seconds)
            .as("track %s: 3 s sent, at most %.3f s staged and lost", file, lostAtMost)
            .isBetween(3.0 - lostAtMost - 0.3, 3.5);
        assertThat(track.get("samples").asLong()).isEqualTo(Math.round(seconds * 8000));
      }
      assertThat(RecordingFiles.trackAors(RecordingFiles.track(sidecar, 0)))
          .containsExactly("sip:alice@example.com");

      try (SqliteRecordingIndex index =
          SqliteRecordingIndex.open(recordings.resolve("index.sqlite"))) {
        IndexedRecording row =
            index.byId(new RecordingId(directory.getFileName().toString())).orElseThrow();
        assertThat(row.status()).isEqualTo("incomplete");
        assertThat(row.endReason()).isEqualTo("recovered");
        assertThat(row.callId()).isEqualTo(callId);
      }
    }
  }

  private static Path onlyRecording(Path recordings) throws Exception {
    try (Stream<Path> files = Files.walk(recordings)) {
      List<Path> tracks =
          files.filter(p -> p.getFileName().toString().startsWith("track-")).toList();
      assertThat(tracks).isNotEmpty();
      return tracks.get(0).getParent();
    }
  }
}
