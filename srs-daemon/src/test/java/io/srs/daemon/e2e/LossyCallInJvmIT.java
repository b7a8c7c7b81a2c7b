package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.port.RecordingEvent;
import io.srs.daemon.SrsDaemon;
import io.srs.daemon.config.ConfigLoader;
import io.srs.daemon.config.SrsConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in this JVM, a raw SIP client, and two RTP streams of which 5% of packets are dropped
 * and 5% reordered: the tracks still last exactly as long as the call, lost packets become silence
 * in their place, and every packet that arrived is in the file bit-exactly where it belongs.
 */
class LossyCallInJvmIT {
  private static final int PACKETS = 150; // 3 s of 20 ms packets
  private static final int SAMPLES = 160;
  private static final long PACKET_NANOS = 20_000_000L;
  private static final double DROP = 0.05;
  private static final double REORDER = 0.05;
  private static final byte MULAW_SILENCE = (byte) 0xFF;

  @TempDir Path work;

  @Test
  void lossAndReorderingKeepTracksAsLongAsTheCallAndPacketsInPlace() throws Exception {
    Path recordings = work.resolve("recordings");
    int sipPort = FreePorts.udpAndTcp();
    int rtpLow = FreePorts.evenRangeStart(100);
    SrsConfig config =
        new ConfigLoader()
            .load(
                null,
                Map.of(
                    "sip.port",
                    Integer.toString(sipPort),
                    "sip.transports",
                    "udp",
                    "rtp.ports",
                    rtpLow + "-" + (rtpLow + 99),
                    "storage.path",
                    recordings.toString()));
    List<RecordingEvent> events = new CopyOnWriteArrayList<>();
    SrsDaemon daemon = new SrsDaemon(config, Clock.systemUTC(), events::add);
    daemon.start();
    try (RawSipClient src = new RawSipClient(sipPort);
        DatagramSocket caller = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        DatagramSocket agent = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      String metadata =
          new String(
              LossyCallInJvmIT.class
                  .getResourceAsStream("/e2e/metadata-two-parties.xml")
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      RawSipClient.Response answer = src.invite(metadata);
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      List<Integer> ports = answer.mediaPorts();
      assertThat(ports).hasSize(2).doesNotContain(0);
      assertThat(ports.get(1)).isEqualTo(ports.get(0) + 2);
      src.ack();

      Random random = new Random(20261125);
      Stream callerStream = new Stream(caller, ports.get(0), 0x0A0A0A0A, 440, random);
      Stream agentStream = new Stream(agent, ports.get(1), 0x0B0B0B0B, 1000, random);
      long start = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        LockSupport.parkNanos(start + i * PACKET_NANOS - System.nanoTime());
        callerStream.tick(i);
        agentStream.tick(i);
      }
      callerStream.flushHeld();
      agentStream.flushHeld();
      LockSupport.parkNanos(start + PACKETS * PACKET_NANOS - System.nanoTime());
      long callNanos = System.nanoTime() - start;
      assertThat(src.bye().status()).isEqualTo(200);

      Path recording = RecordingFiles.awaitOneRecording(recordings, Duration.ofSeconds(20));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      double callSeconds = callNanos / 1e9;
      for (int index = 0; index < 2; index++) {
        JsonNode track = RecordingFiles.track(sidecar, index);
        WavFile wav = WavFile.read(recording.resolve(track.get("file").asText()));
        assertThat(wav.formatTag()).as("WAVE_FORMAT_MULAW").isEqualTo(7);
        assertThat(wav.seconds())
            .as("track %d length", index)
            .isCloseTo(callSeconds, within(0.040));
        Stream sent = index == 0 ? callerStream : agentStream;
        assertThat(track.get("packets").get("lost").asLong())
            .as("track %d lost packets", index)
            .isEqualTo(sent.dropped.size());
      }
      // The first stream to send anchors the timeline at its first packet: every packet that
      // arrived is at sequence * 160, and every dropped one is silence there.
      WavFile callerWav =
          WavFile.read(recording.resolve(RecordingFiles.track(sidecar, 0).get("file").asText()));
      for (int i = 0; i < PACKETS; i++) {
        byte[] expected =
            callerStream.dropped.contains(i)
                ? silence()
                : TestAudio.mulawTone(440, (long) i * SAMPLES, SAMPLES);
        byte[] actual =
            java.util.Arrays.copyOfRange(callerWav.data(), i * SAMPLES, (i + 1) * SAMPLES);
        assertThat(actual)
            .as("caller packet %d (dropped=%s)", i, callerStream.dropped.contains(i))
            .isEqualTo(expected);
      }
      assertThat(events)
          .extracting(RecordingEvent::name)
          .containsExactly("recording.started", "recording.completed");
    } finally {
      daemon.stop();
    }
  }

  private static byte[] silence() {
    byte[] silence = new byte[SAMPLES];
    java.util.Arrays.fill(silence, MULAW_SILENCE);
    return silence;
  }

  /** One RTP sender that drops and swaps packets as told by a seeded random source. */
  private static final class Stream {
    private final DatagramSocket socket;
    private final int port;
    private final int ssrc;
    private final double hz;
    private final Random random;
    private final List<Integer> dropped = new ArrayList<>();
    private byte[] held;

    Stream(DatagramSocket socket, int port, int ssrc, double hz, Random random) {
      this.socket = socket;
      this.port = port;
      this.ssrc = ssrc;
      this.hz = hz;
      this.random = random;
    }

    void tick(int i) throws Exception {
      byte[] packet =
          RtpPackets.packet(
              0,
              7000 + i,
              160_000L + (long) i * SAMPLES,
              ssrc,
              TestAudio.mulawTone(hz, (long) i * SAMPLES, SAMPLES));
      boolean edge = i == 0 || i == PACKETS - 1;
      double roll = random.nextDouble();
      if (!edge && roll < DROP) {
        dropped.add(i);
        return;
      }
      if (!edge && held == null && roll < DROP + REORDER) {
        held = packet; // sent after the next packet: a swap
        return;
      }
      send(packet);
      flushHeld();
    }

    void flushHeld() throws Exception {
      if (held != null) {
        send(held);
        held = null;
      }
    }

    private void send(byte[] packet) throws Exception {
      socket.send(
          new DatagramPacket(packet, packet.length, InetAddress.getByName("127.0.0.1"), port));
    }
  }
}
