package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.port.RecordingEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer as most SBCs send it (RFC 8068 §3.5 style): mid-call, a re-INVITE carries a partial
 * metadata update in which agent 007 leaves the agent stream and agent 042 joins it. The same
 * recording goes on; its sidecar says who was on the agent track when, on the recording's timeline,
 * and both metadata versions are kept verbatim.
 */
class TransferReInviteIT {
  private static final int PACKETS = 150; // 3 s
  private static final int TRANSFER_AT_PACKET = 75; // 1.5 s
  private static final long PACKET_NANOS = 20_000_000L;
  private static final String AGENT_A = "sip:agent007@contact-centre.example.com";
  private static final String AGENT_B = "sip:agent042@contact-centre.example.com";

  /** Scheduling slack on a loaded 2-core machine; the transfer instant is known to ~1 ms. */
  private static final double OFFSET_TOLERANCE_MS = 150;

  @TempDir Path work;

  @Test
  void aReInviteTransferKeepsOneRecordingWithWhoWasOnTheAgentTrackWhen() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of());
        RawSipClient src = new RawSipClient(srs.sipPort);
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      RawSipClient.Response answer =
          src.invite(InJvmDaemon.resource("/e2e/metadata-two-parties.xml"));
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      List<Integer> ports = answer.mediaPorts();
      src.ack();

      String update = null;
      long start = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        LockSupport.parkNanos(start + i * PACKET_NANOS - System.nanoTime());
        for (int stream = 0; stream < 2; stream++) {
          byte[] packet =
              RtpPackets.packet(
                  0,
                  100 + i,
                  (long) i * 160,
                  0x5000 + stream,
                  TestAudio.mulawTone(stream == 0 ? 440 : 1000, (long) i * 160, 160));
          rtp.send(
              new DatagramPacket(
                  packet, packet.length, InetAddress.getByName("127.0.0.1"), ports.get(stream)));
        }
        if (i == TRANSFER_AT_PACKET) {
          update =
              InJvmDaemon.resource("/e2e/metadata-transfer-partial.xml")
                  .replace("${NOW}", Instant.now().toString());
          RawSipClient.Response transferred = src.reInvite("sendonly", update);
          assertThat(transferred.status()).as(transferred.text()).isEqualTo(200);
          assertThat(transferred.mediaPorts()).isEqualTo(ports);
        }
      }
      assertThat(src.bye().status()).isEqualTo(200);

      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(20));
      assertThat(Files.readString(recording.resolve("metadata-002.xml"), StandardCharsets.UTF_8))
          .as("the update is kept verbatim")
          .isEqualTo(update);

      JsonNode sidecar = RecordingFiles.sidecar(recording);
      double transferMs = TRANSFER_AT_PACKET * 20.0;
      JsonNode agentTrack = RecordingFiles.track(sidecar, 1);
      List<JsonNode> spans = new ArrayList<>();
      agentTrack.get("participation").forEach(spans::add);
      assertThat(spans).as(agentTrack.toPrettyString()).hasSize(2);
      assertThat(spans.get(0).get("aor").asText()).isEqualTo(AGENT_A);
      assertThat(spans.get(0).get("fromMs").asDouble()).isEqualTo(0.0);
      assertThat(spans.get(0).get("toMs").asDouble())
          .as("agent 007 leaves at the transfer; sidecar:%n%s", sidecar.toPrettyString())
          .isCloseTo(transferMs, within(OFFSET_TOLERANCE_MS));
      assertThat(spans.get(1).get("aor").asText()).isEqualTo(AGENT_B);
      assertThat(spans.get(1).get("fromMs").asDouble())
          .as("agent 042 joins at the transfer; sidecar:%n%s", sidecar.toPrettyString())
          .isCloseTo(transferMs, within(OFFSET_TOLERANCE_MS));
      assertThat(spans.get(1).get("toMs").isNull()).isTrue();
      assertThat(RecordingFiles.trackAors(agentTrack)).containsExactly(AGENT_B);

      JsonNode callerTrack = RecordingFiles.track(sidecar, 0);
      assertThat(callerTrack.get("participation")).hasSize(1);
      assertThat(callerTrack.get("participation").get(0).get("toMs").isNull()).isTrue();

      List<String> eventTypes = new ArrayList<>();
      sidecar.get("events").forEach(e -> eventTypes.add(e.get("type").asText()));
      assertThat(eventTypes).contains("metadata.updated", "participant.left", "participant.joined");
      assertThat(srs.events).extracting(RecordingEvent::name).contains("recording.updated");
      assertThat(RecordingFiles.sidecars(srs.recordings)).hasSize(1);
    }
  }
}
