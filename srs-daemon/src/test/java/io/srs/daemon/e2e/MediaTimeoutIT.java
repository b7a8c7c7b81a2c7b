package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.port.RecordingEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call whose BYE never comes (the SBC rebooted, the path broke): once media has stopped for the
 * configured inactivity timeout the recording is finalised with that reason, not left open, and the
 * SRC is told with a BYE whose Reason header says why (RFC 3261 §15.1.1, RFC 3326).
 */
class MediaTimeoutIT {
  private static final int PACKETS = 50; // 1 s of media, then nothing

  @TempDir Path work;

  @Test
  void aCallWhoseMediaStopsIsFinalisedAsMediaTimeoutAndTheSrcGetsABye() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of("rtp.inactivity-timeout-seconds", "2"));
        RawSipClient src = new RawSipClient(srs.sipPort);
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      RawSipClient.Response answer =
          src.invite(InJvmDaemon.resource("/e2e/metadata-two-parties.xml"));
      assertThat(answer.status()).isEqualTo(200);
      List<Integer> ports = answer.mediaPorts();
      src.ack();
      long start = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
        for (int stream = 0; stream < 2; stream++) {
          byte[] packet =
              RtpPackets.packet(
                  0, i, (long) i * 160, 0x7000 + stream, TestAudio.mulawTone(440, i * 160L, 160));
          rtp.send(
              new DatagramPacket(
                  packet, packet.length, InetAddress.getByName("127.0.0.1"), ports.get(stream)));
        }
      }

      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(15));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      assertThat(sidecar.get("endReason").asText()).isEqualToIgnoringCase("media_timeout");
      // The call ran 1 s of media then 2-3 s of silence until the timeout noticed it.
      assertThat(sidecar.get("durationMs").asDouble()).isCloseTo(3000, within(1100.0));
      assertThat(srs.events)
          .filteredOn(e -> e instanceof RecordingEvent.Completed)
          .singleElement()
          .extracting(e -> ((RecordingEvent.Completed) e).reason().name())
          .isEqualTo("MEDIA_TIMEOUT");

      RawSipClient.Request bye = src.awaitRequest("BYE", Duration.ofSeconds(5));
      src.respond(bye, 200, "OK");
      assertThat(bye.header("Reason")).isEqualTo("SIP;cause=408;text=\"media timeout\"");
      assertThat(bye.header("Call-ID")).isEqualTo(src.callId());
      // Answered: no retransmission after T1, and the SRC's own late BYE finds no call.
      assertThat(src.drain(Duration.ofSeconds(1))).isEmpty();
      assertThat(src.bye().status()).isEqualTo(481);
    }
  }
}
