package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause and resume (RFC 7866 §8.1.3) end to end: SIPp records 1.5 s, pauses both streams with a
 * re-INVITE (a=inactive) for 1 s while sending nothing, resumes and records 1.5 s more. The default
 * pause mode keeps wall-clock time: each track is 4 s long with exact silence where the pause was,
 * the tone on either side, and the pause in the sidecar as a gap and as events.
 */
class SippPausedCallIT {
  private static final int BEFORE_MS = 1500;
  private static final int PAUSE_MS = 1000;
  private static final int AFTER_MS = 1500;
  private static final int CALL_MS = BEFORE_MS + PAUSE_MS + AFTER_MS;
  private static final double LENGTH_TOLERANCE_S = 0.040;

  /** re-INVITE round trips and SIPp's pause granularity blur the pause's edges by a few ms. */
  private static final double PAUSE_TOLERANCE_MS = 60;

  @TempDir Path work;

  @Test
  void aPausedSpanIsExactSilenceOfThePausesLengthBetweenTheTones() throws Exception {
    Path pcap = work.resolve("paused.pcap");
    SippSrc.writeTwoTonePcap(pcap, CALL_MS, 440, 1000, BEFORE_MS, BEFORE_MS + PAUSE_MS);
    Path scenario = work.resolve("siprec-pause.xml");
    SippSrc.writeScenario(
        "/e2e/siprec-pause.xml",
        scenario,
        Map.of(
            "PCAP", pcap.toString(),
            "METADATA", InJvmDaemon.resource("/e2e/metadata-two-parties.xml").strip(),
            "BEFORE_MS", Integer.toString(BEFORE_MS),
            "PAUSE_MS", Integer.toString(PAUSE_MS),
            "AFTER_MS", Integer.toString(AFTER_MS)));
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
      // The call as the SRC lived it: media starts with the ACK and ends with the BYE. SIPp's
      // scheduler and the two re-INVITE round trips stretch it a little past the nominal 4 s.
      double callSeconds =
          Duration.between(SippSrc.sentAt(work, "ACK"), SippSrc.sentAt(work, "BYE")).toNanos()
              / 1e9;
      assertThat(callSeconds).isCloseTo(CALL_MS / 1000.0, within(0.2));

      Path recording = RecordingFiles.awaitOneRecording(recordings, Duration.ofSeconds(20));
      daemon.awaitLine("recording.completed", Duration.ofSeconds(10));
      assertThat(daemon.output()).contains("recording.paused", "recording.resumed");

      JsonNode sidecar = RecordingFiles.sidecar(recording);
      for (int index = 0; index < 2; index++) {
        JsonNode track = RecordingFiles.track(sidecar, index);
        Path wav = recording.resolve(track.get("file").asText());
        assertThat(ExternalTools.soxStat(wav).lengthSeconds())
            .as("track %d length; sidecar:%n%s", index, sidecar.toPrettyString())
            .isCloseTo(callSeconds, within(LENGTH_TOLERANCE_S));
        var paused = ExternalTools.soxStat(wav, 1.6, 0.8);
        assertThat(paused.rmsAmplitude()).as("track %d inside the pause", index).isZero();
        double hz = index == 0 ? 440 : 1000;
        assertThat(ExternalTools.soxStat(wav, 0.2, 1.2).roughFrequencyHz())
            .as("track %d before the pause", index)
            .isCloseTo(hz, within(hz * 0.05));
        assertThat(ExternalTools.soxStat(wav, 2.7, 1.2).roughFrequencyHz())
            .as("track %d after the pause", index)
            .isCloseTo(hz, within(hz * 0.05));

        List<JsonNode> pauses = new ArrayList<>();
        track
            .get("timeline")
            .get("gaps")
            .forEach(
                g -> {
                  if (g.get("cause").asText().equalsIgnoreCase("pause")) {
                    pauses.add(g);
                  }
                });
        assertThat(pauses).as(track.toPrettyString()).hasSize(1);
        assertThat(pauses.get(0).get("offsetMs").asDouble())
            .isCloseTo(BEFORE_MS, within(PAUSE_TOLERANCE_MS));
        assertThat(pauses.get(0).get("lengthMs").asDouble())
            .isCloseTo(PAUSE_MS, within(PAUSE_TOLERANCE_MS));
      }
      List<String> events = new ArrayList<>();
      sidecar.get("events").forEach(e -> events.add(e.get("type").asText()));
      assertThat(events).contains("stream.paused", "stream.resumed");
    }
  }
}
