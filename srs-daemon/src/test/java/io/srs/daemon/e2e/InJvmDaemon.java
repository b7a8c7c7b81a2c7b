package io.srs.daemon.e2e;

import io.srs.core.port.RecordingEvent;
import io.srs.daemon.SrsDaemon;
import io.srs.daemon.config.ConfigLoader;
import io.srs.daemon.config.SrsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The daemon in the test's JVM on free ports, with every recording event kept for assertions. */
final class InJvmDaemon implements AutoCloseable {
  final SrsDaemon daemon;
  final Path recordings;
  final int sipPort;
  final List<RecordingEvent> events = new CopyOnWriteArrayList<>();

  InJvmDaemon(Path work, Map<String, String> extra) throws Exception {
    recordings = work.resolve("recordings");
    sipPort = FreePorts.udpAndTcp();
    int rtpLow = FreePorts.evenRangeStart(100);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("sip.port", Integer.toString(sipPort));
    overrides.put("sip.transports", "udp");
    overrides.put("rtp.ports", rtpLow + "-" + (rtpLow + 99));
    overrides.put("storage.path", recordings.toString());
    overrides.put("http.port", "0"); // off unless a test asks for it: 8080 may be taken
    overrides.putAll(extra);
    SrsConfig config = new ConfigLoader().load(null, overrides);
    daemon = new SrsDaemon(config, Clock.systemUTC(), events::add);
    daemon.start();
  }

  static String resource(String name) throws Exception {
    try (var in = InJvmDaemon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws Exception {
    daemon.stop();
  }
}
