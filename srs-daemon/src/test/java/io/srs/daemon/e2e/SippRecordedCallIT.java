package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton's promise, end to end: the real daemon process, SIPp as the SRC sending a
 * multipart SIPREC INVITE and two RTP streams (440 Hz caller, 1000 Hz agent) from a pcap, then BYE;
 * sox, an independent decoder, judges the two WAVs; the sidecar names who is on which track.
 */
class SippRecordedCallIT {
  private static final int CALL_MS = 4000;
  private static final double CALLER_HZ = 440;
  private static final double AGENT_HZ = 1000;

  /** The tolerance on track length against the call length. */
  private static final double LENGTH_TOLERANCE_S = 0.040;

  /** Issue 4: tones starting together line up within 20 ms (160 samples at 8 kHz). */
  private static final int ALIGNMENT_SAMPLES = 160;

  @TempDir Path work;

  @Test
  void aSippSiprecCallBecomesTwoAlignedTracksWithTheirParticipants() throws Exception {
    Path pcap = work.resolve("two-tones.pcap");
    SippSrc.writeTwoTonePcap(pcap, CALL_MS, CALLER_HZ, AGENT_HZ, 0, 0);
    Path scenario = work.resolve("siprec.xml");
    SippSrc.writeScenario(
        "/e2e/siprec-two-streams.xml",
        scenario,
        Map.of(
            "PCAP", pcap.toString(),
            "CALL_MS", Integer.toString(CALL_MS),
            "METADATA", InJvmDaemon.resource("/e2e/metadata-two-parties.xml").strip()));
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

      ExternalTools.Run sipp = SippSrc.run(work, scenario, sipPort);
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

      // Both tones start together on the wire: they must start together in the files (±20 ms).
      int callerOnset = onset(WavFile.read(recording.resolve(caller.get("file").asText())));
      int agentOnset = onset(WavFile.read(recording.resolve(agent.get("file").asText())));
      assertThat(Math.abs(callerOnset - agentOnset))
          .as("onset difference in samples (caller %d, agent %d)", callerOnset, agentOnset)
          .isLessThanOrEqualTo(ALIGNMENT_SAMPLES);

      String metadataXml =
          Files.readString(recording.resolve("metadata-001.xml"), StandardCharsets.UTF_8);
      assertThat(metadataXml).contains("sip:agent007@contact-centre.example.com");
    }
  }

  /** The first sample that is not G.711 mu-law silence (0xFF or 0x7F). */
  private static int onset(WavFile wav) {
    byte[] data = wav.data();
    for (int i = 0; i < data.length; i++) {
      if (data[i] != (byte) 0xFF && data[i] != (byte) 0x7F) {
        return i;
      }
    }
    throw new AssertionError("track is silent");
  }
}
