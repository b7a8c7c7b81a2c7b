package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.core.port.RecordingEvent;
import io.srs.core.session.EndReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp as an SRC whose media stops and whose BYE never comes (the SBC lost the call): after the
 * inactivity timeout the recorder finalises the recording and hangs up; the scenario passes only if
 * that BYE arrives, carries {@code Reason: SIP;cause=408;text="media timeout"}, and is answered.
 * Over UDP and over TCP (the SRC's Contact says {@code ;transport=tcp}, RFC 3261 §18.2.2).
 */
class SippMediaTimeoutIT {
  private static final int MEDIA_MS = 1000;

  @TempDir Path work;

  @Test
  void sippGetsAByeNamingTheMediaTimeoutOnceItsMediaStops() throws Exception {
    Path scenario = scenario();

    try (InJvmDaemon srs = new InJvmDaemon(work, Map.of("rtp.inactivity-timeout-seconds", "2"))) {
      ExternalTools.Run sipp = SippSrc.run(work, scenario, srs.sipPort);

      assertThat(sipp.exitCode()).as("SIPp exit status; output:%n%s", sipp.output()).isZero();
      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(10));
      JsonNode sidecar = RecordingFiles.sidecar(recording);
      assertThat(sidecar.get("endReason").asText()).isEqualToIgnoringCase("media_timeout");
      // The sidecar is written before the recording is indexed and the event published.
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> srs.events.stream().anyMatch(e -> e instanceof RecordingEvent.Completed));
      assertThat(srs.events)
          .filteredOn(e -> e instanceof RecordingEvent.Completed)
          .singleElement()
          .extracting(e -> ((RecordingEvent.Completed) e).reason())
          .isEqualTo(EndReason.MEDIA_TIMEOUT);
    }
  }

  @Test
  void overTcpTheByeReachesTheSrcAtItsTcpContact() throws Exception {
    Path scenario = scenario();

    try (InJvmDaemon srs =
        new InJvmDaemon(
            work, Map.of("rtp.inactivity-timeout-seconds", "2", "sip.transports", "udp,tcp"))) {
      ExternalTools.Run sipp = SippSrc.run(work, scenario, srs.sipPort, "t1");

      assertThat(sipp.exitCode()).as("SIPp exit status; output:%n%s", sipp.output()).isZero();
      Path recording = RecordingFiles.awaitOneRecording(srs.recordings, Duration.ofSeconds(10));
      assertThat(RecordingFiles.sidecar(recording).get("endReason").asText())
          .isEqualToIgnoringCase("media_timeout");
    }
  }

  /** One second of two tones, then silence; the recorder's BYE must come within 10 s. */
  private Path scenario() throws Exception {
    Path pcap = work.resolve("one-second.pcap");
    SippSrc.writeTwoTonePcap(pcap, MEDIA_MS, 440, 1000, MEDIA_MS, MEDIA_MS);
    Path scenario = work.resolve("siprec-media-timeout.xml");
    SippSrc.writeScenario(
        "/e2e/siprec-media-timeout.xml",
        scenario,
        Map.of(
            "PCAP", pcap.toString(),
            "METADATA", InJvmDaemon.resource("/e2e/metadata-two-parties.xml").strip(),
            // 1 s of media, the 2 s timeout and the up-to-1 s check period, with room to spare.
            "BYE_WITHIN_MS", "10000"));
    return scenario;
  }
}
