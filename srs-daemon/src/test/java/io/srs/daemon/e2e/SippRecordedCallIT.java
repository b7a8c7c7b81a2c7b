package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton's promise, end to end: the real daemon process, SIPp as the SRC sending a
 * multipart SIPREC INVITE and two RTP streams (440 Hz caller, 1000 Hz agent) from a pcap, then BYE;
 * sox, an independent decoder, judges the two WAVs; the sidecar names who is on which track.
 */
class SippRecordedCallIT {
  private static final int CALL_MS = 4000;
  private static final int PACKET_MS = 20;
  private static final int SAMPLES_PER_PACKET = 160;
  private static final double CALLER_HZ = 440;
  private static final double AGENT_HZ = 1000;

  /** The tolerance on track length against the call length. */
  private static final double LENGTH_TOLERANCE_S = 0.040;

  @TempDir Path work;

  @Test
  void aSippSiprecCallBecomesTwoAlignedTracksWithTheirParticipants() throws Exception {
    Path pcap = work.resolve("two-tones.pcap");
    writeTwoTonePcap(pcap);
    Path scenario = work.resolve("siprec.xml");
    writeScenario(scenario, pcap);
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

      ExternalTools.Run sipp = runSipp(scenario, sipPort);
      assertThat(sipp.exitCode()).as("SIPp exit status; output:%n%s", sipp.output()).isZero();

      Path recording = RecordingFiles.awaitOneRecording(recordings, Duration.ofSeconds(20));
      String completed = daemon.awaitLine("recording.completed", Duration.ofSeconds(10));
      assertThat(daemon.output()).contains("recording.started");
      assertThat(completed)
          .contains(recording.getFileName().toString())
          .contains("sip:alice@example.com")
          .contains("sip:agent007@contact-centre.example.com");

      JsonNode sidecar = RecordingFiles.sidecar(recording);
      JsonNode caller = RecordingFiles.track(sidecar, 0);
      JsonNode agent = RecordingFiles.track(sidecar, 1);
      assertThat(caller.get("label").asText()).isEqualTo("1");
      assertThat(agent.get("label").asText()).isEqualTo("2");
      assertThat(RecordingFiles.trackAors(caller)).containsExactly("sip:alice@example.com");
      assertThat(RecordingFiles.trackAors(agent))
          .containsExactly("sip:agent007@contact-centre.example.com");

      var callerAudio = ExternalTools.soxStat(recording.resolve(caller.get("file").asText()));
      var agentAudio = ExternalTools.soxStat(recording.resolve(agent.get("file").asText()));
      double callSeconds = CALL_MS / 1000.0;
      assertThat(callerAudio.lengthSeconds())
          .as("caller track length; sox:%n%s", callerAudio.raw())
          .isCloseTo(callSeconds, within(LENGTH_TOLERANCE_S));
      assertThat(agentAudio.lengthSeconds())
          .as("agent track length; sox:%n%s", agentAudio.raw())
          .isCloseTo(callSeconds, within(LENGTH_TOLERANCE_S));
      assertThat(callerAudio.roughFrequencyHz()).isCloseTo(CALLER_HZ, within(CALLER_HZ * 0.05));
      assertThat(agentAudio.roughFrequencyHz()).isCloseTo(AGENT_HZ, within(AGENT_HZ * 0.05));
      assertThat(callerAudio.rmsAmplitude()).as("caller track is not silent").isGreaterThan(0.1);
      assertThat(agentAudio.rmsAmplitude()).as("agent track is not silent").isGreaterThan(0.1);

      String metadataXml =
          Files.readString(recording.resolve("metadata-001.xml"), StandardCharsets.UTF_8);
      assertThat(metadataXml).contains("sip:agent007@contact-centre.example.com");
    }
  }

  /** Caller to port 10000, agent to 10002: SIPp maps them onto our base and base+2. */
  private static void writeTwoTonePcap(Path pcap) throws Exception {
    PcapWriter writer = new PcapWriter();
    int packets = CALL_MS / PACKET_MS;
    for (int i = 0; i < packets; i++) {
      long micros = 1_000_000L + i * PACKET_MS * 1000L;
      long offset = (long) i * SAMPLES_PER_PACKET;
      writer.udp(
          micros,
          6000,
          10000,
          RtpPackets.packet(
              0,
              1000 + i,
              50_000 + offset,
              0x11111111,
              TestAudio.mulawTone(CALLER_HZ, offset, SAMPLES_PER_PACKET)));
      writer.udp(
          micros + 100,
          6002,
          10002,
          RtpPackets.packet(
              0,
              20_000 + i,
              900_000 + offset,
              0x22222222,
              TestAudio.mulawTone(AGENT_HZ, offset, SAMPLES_PER_PACKET)));
    }
    writer.writeTo(pcap);
  }

  private static void writeScenario(Path scenario, Path pcap) throws Exception {
    String template = resource("/e2e/siprec-two-streams.xml");
    String metadata = resource("/e2e/metadata-two-parties.xml").strip();
    Files.writeString(
        scenario,
        template
            .replace("${PCAP}", pcap.toString())
            .replace("${CALL_MS}", Integer.toString(CALL_MS))
            .replace("${METADATA}", metadata),
        StandardCharsets.ISO_8859_1);
  }

  private ExternalTools.Run runSipp(Path scenario, int sipPort) throws Exception {
    int sippPort = FreePorts.udpAndTcp();
    int mediaPort = FreePorts.evenRangeStart(8);
    int controlPort = FreePorts.udpAndTcp();
    return ExternalTools.run(
        List.of(
            "sipp",
            "127.0.0.1:" + sipPort,
            "-sf",
            scenario.toString(),
            "-m",
            "1",
            "-i",
            "127.0.0.1",
            "-p",
            Integer.toString(sippPort),
            "-mi",
            "127.0.0.1",
            "-mp",
            Integer.toString(mediaPort),
            "-ci",
            "127.0.0.1",
            "-cp",
            Integer.toString(controlPort),
            "-timeout",
            "30s",
            "-timeout_error",
            "-nostdin",
            "-trace_err"),
        work,
        Duration.ofSeconds(60));
  }

  private static String resource(String name) throws Exception {
    try (var in = SippRecordedCallIT.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
