package io.srs.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srs.core.media.AudioEncoding;
import io.srs.core.port.RecordingHandle;
import io.srs.core.port.TrackSpec;
import io.srs.core.session.RecordingId;
import io.srs.daemon.testing.CliRun;
import io.srs.storage.fs.FileSystemRecordingStore;
import io.srs.storage.wav.WavTrackWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code srs recover}: the start-up recovery pass, offline, and only with the recorder stopped. */
class RecoverCommandTest {
  private static final RecordingId ID = new RecordingId("20261125T185046Z-0123456789abcdef");

  @TempDir Path work;

  private static CliRun recover(Path config) {
    return CliRun.of("recover", "--config", config.toString());
  }

  /** A config on a free SIP port with the vault under the temporary directory. */
  private Path config(int sipPort) throws Exception {
    Path config = work.resolve("srs.yaml");
    Files.writeString(
        config,
        "sip:\n  bind: 127.0.0.1\n  port: "
            + sipPort
            + "\nstorage:\n  path: "
            + work.resolve("recordings")
            + "\n");
    return config;
  }

  private Path killedCall() throws Exception {
    RecordingHandle handle =
        new FileSystemRecordingStore(work.resolve("recordings"))
            .create(ID, "c1@src.example.com", Instant.parse("2026-11-25T18:50:46Z"));
    WavTrackWriter track =
        (WavTrackWriter) handle.openTrack(new TrackSpec(0, "1", AudioEncoding.MULAW, 8000));
    track.writeSilence(40_000); // two 16 KiB flushes reach the file
    track.abandon();
    return Path.of(handle.location());
  }

  private static int freeUdpPort() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aStoppedRecordersCutCallIsFinalisedAndCounted() throws Exception {
    Path directory = killedCall();

    CliRun run = recover(config(freeUdpPort()));

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 recording(s) looked at, 1 recovered, 0 could not be");
    assertThat(Files.readString(directory.resolve("metadata.json")))
        .contains("\"status\": \"incomplete\"", "\"endReason\": \"recovered\"")
        .contains("\"callId\": \"c1@src.example.com\"");
    assertThat(work.resolve("recordings/index.sqlite")).exists();
  }

  @Test
  void itRefusesWhileTheSipPortIsTakenForARunningRecordersCallsWouldLookLost() throws Exception {
    Path directory = killedCall();
    try (DatagramSocket running = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      CliRun run = recover(config(running.getLocalPort()));

      assertThat(run.exit()).isEqualTo(RecoverCommand.EXIT_FAILED);
      assertThat(run.err()).contains("is in use: a recorder seems to be running");
    }
    assertThat(directory.resolve("metadata.json")).doesNotExist();
  }
}
