package io.srs.daemon.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * SIPp as the SRC: a scenario from the test resources with its placeholders filled in, and a
 * two-tone pcap replayed by {@code play_pcap_audio} (caller to port 10000, agent to 10002, which
 * SIPp maps onto our base and base+2).
 */
final class SippSrc {
  static final int PACKET_MS = 20;
  static final int SAMPLES_PER_PACKET = 160;

  /** Where SIPp logs every message it sends and receives, each under a timestamp line. */
  static final String MESSAGE_LOG = "sipp-messages.log";

  private static final java.util.regex.Pattern STAMP =
      java.util.regex.Pattern.compile("^-+ (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d+)");

  private SippSrc() {}

  /**
   * When SIPp sent its first request of {@code method}, from its message log: the SRC's own view of
   * the call's timing, independent of the recorder's clocks.
   */
  static java.time.LocalDateTime sentAt(Path work, String method) throws Exception {
    List<String> lines = Files.readAllLines(work.resolve(MESSAGE_LOG), StandardCharsets.ISO_8859_1);
    String stamp = null;
    boolean sent = false;
    for (String line : lines) {
      var matcher = STAMP.matcher(line);
      if (matcher.find()) {
        stamp = matcher.group(1);
        sent = false;
      } else if (line.contains("message sent")) {
        sent = true;
      } else if (sent && line.startsWith(method + " ")) {
        return java.time.LocalDateTime.parse(stamp.replace(' ', 'T'));
      }
    }
    throw new AssertionError("SIPp's message log shows no " + method + " sent");
  }

  /**
   * Writes a pcap of two tones, one packet per stream every 20 ms from 0 to {@code callMs}, leaving
   * out packets whose time falls in [{@code silentFromMs}, {@code silentToMs}) — an SRC that stops
   * sending while paused. RTP timestamps keep wall-clock time across the silence.
   */
  static void writeTwoTonePcap(
      Path pcap, int callMs, double callerHz, double agentHz, int silentFromMs, int silentToMs)
      throws Exception {
    PcapWriter writer = new PcapWriter();
    int packets = callMs / PACKET_MS;
    int sent = 0;
    for (int i = 0; i < packets; i++) {
      int atMs = i * PACKET_MS;
      if (atMs >= silentFromMs && atMs < silentToMs) {
        continue;
      }
      long micros = 1_000_000L + atMs * 1000L;
      long offset = (long) i * SAMPLES_PER_PACKET;
      writer.udp(
          micros,
          6000,
          10000,
          RtpPackets.packet(
              0,
              1000 + sent,
              50_000 + offset,
              0x11111111,
              TestAudio.mulawTone(callerHz, offset, SAMPLES_PER_PACKET)));
      writer.udp(
          micros + 100,
          6002,
          10002,
          RtpPackets.packet(
              0,
              20_000 + sent,
              900_000 + offset,
              0x22222222,
              TestAudio.mulawTone(agentHz, offset, SAMPLES_PER_PACKET)));
      sent++;
    }
    writer.writeTo(pcap);
  }

  /** Fills a scenario template's {@code ${NAME}} placeholders and writes it to {@code target}. */
  static void writeScenario(String resource, Path target, Map<String, String> values)
      throws Exception {
    String text = InJvmDaemon.resource(resource);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    if (text.contains("${")) {
      throw new AssertionError("unfilled placeholder in " + resource);
    }
    Files.writeString(target, text, StandardCharsets.ISO_8859_1);
  }

  /** Runs one call of {@code scenario} against the recorder on 127.0.0.1:{@code sipPort}. */
  static ExternalTools.Run run(Path work, Path scenario, int sipPort) throws Exception {
    return run(work, scenario, sipPort, "u1");
  }

  /**
   * As {@link #run(Path, Path, int)} over SIPp's {@code -t} transport: {@code u1} (UDP) or {@code
   * t1} (one TCP connection).
   */
  static ExternalTools.Run run(Path work, Path scenario, int sipPort, String transport)
      throws Exception {
    int sippPort = FreePorts.udpAndTcp();
    int mediaPort = FreePorts.evenRangeStart(8);
    int controlPort = FreePorts.udpAndTcp();
    return ExternalTools.run(
        List.of(
            "sipp",
            "127.0.0.1:" + sipPort,
            "-sf",
            scenario.toString(),
            "-t",
            transport,
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
            "-trace_err",
            "-trace_msg",
            "-message_file",
            work.resolve(MESSAGE_LOG).toString()),
        work,
        Duration.ofSeconds(60));
  }
}
