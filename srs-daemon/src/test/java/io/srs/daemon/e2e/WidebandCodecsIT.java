package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.srs.rtp.codec.G722Encoder;
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
 * Codecs other than G.711 through the whole daemon: the caller speaks G.722 (payload type 9, RTP
 * clock 8000 although it samples at 16 kHz, RFC 3551 §4.5.2), the agent Opus (dynamic payload type,
 * opus/48000/2, RFC 7587). Each track is decoded to PCM16 at its own rate, lasts as long as the
 * call, and sox hears the tone that was sent.
 */
class WidebandCodecsIT {
  private static final int PACKETS = 100; // 2 s of 20 ms packets
  private static final double CALLER_HZ = 440;
  private static final double AGENT_HZ = 1000;

  @TempDir Path work;

  @Test
  void g722AndOpusStreamsBecomePcm16TracksCarryingTheirTones() throws Exception {
    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of());
        RawSipClient src =
            new RawSipClient(srs.sipPort)
                .offering(0, "9", "a=rtpmap:9 G722/8000")
                .offering(1, "111", "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 useinbandfec=1");
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      RawSipClient.Response answer =
          src.invite(InJvmDaemon.resource("/e2e/metadata-two-parties.xml"));
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      assertThat(answer.text()).contains("a=rtpmap:9 G722/8000", "a=rtpmap:111 opus/48000/2");
      List<Integer> ports = answer.mediaPorts();
      src.ack();

      G722Encoder g722 = new G722Encoder();
      OpusEncoder opus = new OpusEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
      opus.setBitrate(64_000);
      short[] wide = new short[320]; // 20 ms at 16 kHz
      short[] full = new short[960]; // 20 ms at 48 kHz
      byte[] g722Payload = new byte[160];
      byte[] opusPayload = new byte[1275];
      long start = System.nanoTime();
      for (int i = 0; i < PACKETS; i++) {
        tone(wide, CALLER_HZ, 16_000, (long) i * wide.length);
        tone(full, AGENT_HZ, 48_000, (long) i * full.length);
        g722.encode(wide, 0, wide.length, g722Payload, 0);
        int opusLength = opus.encode(full, 0, full.length, opusPayload, 0, opusPayload.length);
        LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
        send(rtp, ports.get(0), RtpPackets.packet(9, i, 160L * i, 0x9090, g722Payload));
        send(
            rtp,
            ports.get(1),
            RtpPackets.packet(
                111, i, 960L * i, 0x1111, java.util.Arrays.copyOf(opusPayload, opusLength)));
      }
      LockSupport.parkNanos(start + PACKETS * 20_000_000L - System.nanoTime());
      double callSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(src.bye().status()).isEqualTo(200);

      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(20));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      check(recording, RecordingFiles.track(sidecar, 0), "G722", 16_000, CALLER_HZ, callSeconds);
      check(recording, RecordingFiles.track(sidecar, 1), "opus", 48_000, AGENT_HZ, callSeconds);
    }
  }

  private static void check(
      Path recording, JsonNode track, String codec, int rate, double hz, double callSeconds)
      throws Exception {
    assertThat(track.get("codec").asText()).isEqualTo(codec);
    WavFile wav = WavFile.read(recording.resolve(track.get("file").asText()));
    assertThat(wav.formatTag()).as("WAVE_FORMAT_PCM").isEqualTo(1);
    assertThat(wav.sampleRate()).isEqualTo(rate);
    assertThat(wav.seconds()).as(codec + " track length").isCloseTo(callSeconds, within(0.040));
    var heard = ExternalTools.soxStat(recording.resolve(track.get("file").asText()), 0.2, 1.5);
    assertThat(heard.roughFrequencyHz())
        .as(codec + " tone; sox:%n%s", heard.raw())
        .isCloseTo(hz, within(hz * 0.05));
    assertThat(heard.rmsAmplitude()).as(codec + " is not silent").isGreaterThan(0.1);
  }

  private static void tone(short[] into, double hz, int rate, long offset) {
    for (int i = 0; i < into.length; i++) {
      into[i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * hz * (offset + i) / rate));
    }
  }

  private static void send(DatagramSocket socket, int port, byte[] packet) throws Exception {
    socket.send(
        new DatagramPacket(packet, packet.length, InetAddress.getByName("127.0.0.1"), port));
  }
}
