package io.srs.daemon.cli;

import io.srs.daemon.SrsDaemon;
import io.srs.daemon.Version;
import io.srs.daemon.config.ConfigException;
import io.srs.daemon.config.ConfigLoader;
import io.srs.daemon.config.SrsConfig;
import io.srs.daemon.log.LogFormat;
import io.srs.daemon.log.RecordingEventLogger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code srs run}: starts the daemon and runs until SIGTERM or SIGINT, which finalise every call in
 * progress before the process exits.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Start the recorder (embedded defaults: SIP 127.0.0.1:5060 UDP+TCP, ./recordings).")
public final class RunCommand implements Callable<Integer> {
  /**
   * Returned after a signal stopped the daemon. main() must not call System.exit then: the JVM is
   * already running its shutdown hooks, and exit would block forever.
   */
  public static final int EXIT_SIGNALLED = -1;

  /** Exit status for a configuration the daemon refuses (sysexits.h EX_CONFIG). */
  public static final int EXIT_CONFIG = 78;

  /** Exit status when start-up fails for another reason (port in use, ...). */
  public static final int EXIT_START_FAILED = 1;

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file (see config/srs.yaml).")
  Path config;

  @Option(
      names = "--bind",
      paramLabel = "IP",
      description = "Address for SIP and RTP (sip.bind, rtp.bind).")
  String bind;

  @Option(
      names = "--sip-port",
      paramLabel = "PORT",
      description = "SIP port for UDP and TCP (sip.port); TLS has sip.tls.port.")
  String sipPort;

  @Option(
      names = "--rtp-ports",
      paramLabel = "LOW-HIGH",
      description = "RTP port range (rtp.ports).")
  String rtpPorts;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port for /health and /metrics; 0 turns HTTP off (http.port).")
  String httpPort;

  @Option(
      names = "--recordings",
      paramLabel = "DIR",
      description = "Where recordings go (storage.path).")
  String recordings;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    SrsConfig loaded;
    try {
      loaded = new ConfigLoader().load(config, System.getenv(), overrides());
    } catch (ConfigException e) {
      System.err.println("srs: " + e.getMessage());
      return EXIT_CONFIG;
    }
    try {
      LogFormat.select(loaded.logging().format(), System.getProperty("logback.configurationFile"));
    } catch (Exception e) {
      System.err.println(
          "srs: cannot set up logging.format " + loaded.logging().format() + ": " + e);
      return EXIT_CONFIG;
    }
    SrsDaemon daemon = new SrsDaemon(loaded, Clock.systemUTC(), new RecordingEventLogger());
    try {
      daemon.start();
    } catch (Exception e) {
      System.err.println("srs: cannot start: " + describe(e));
      log.debug("start-up failure", e);
      return EXIT_START_FAILED;
    }
    banner(out, loaded, daemon);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info(
                      "signal received: stopping (drain up to {}s, then finalise up to {}s)",
                      loaded.limits().drain().toSeconds(),
                      loaded.limits().shutdownGrace().toSeconds());
                  try {
                    daemon.stop();
                  } catch (Exception e) {
                    log.error("stop failed", e);
                  }
                  log.info("stopped");
                  stopped.countDown();
                },
                "srs-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return EXIT_SIGNALLED;
  }

  private Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (bind != null) {
      overrides.put("sip.bind", bind);
      overrides.put("rtp.bind", bind);
    }
    if (sipPort != null) {
      overrides.put("sip.port", sipPort);
    }
    if (rtpPorts != null) {
      overrides.put("rtp.ports", rtpPorts);
    }
    if (recordings != null) {
      overrides.put("storage.path", recordings);
    }
    if (httpPort != null) {
      overrides.put("http.port", httpPort);
    }
    return overrides;
  }

  private static void banner(PrintStream out, SrsConfig config, SrsDaemon daemon) {
    out.printf(
        "srs %s recording server started%n"
            + "  SIP         %s %s:%d%s%n"
            + "  RTP         %s ports %d-%d (advertised %s)%n"
            + "  recordings  %s%n"
            + "  index       %s%n"
            + "  HTTP        %s%n"
            + "Stop with Ctrl-C or SIGTERM; calls in progress are finalised first.%n",
        Version.current(),
        String.join("+", config.sip().transports()),
        config.sip().bind(),
        config.sip().port(),
        config.sip().tls() == null ? "" : " (tls " + config.sip().tls().port() + ")",
        config.rtp().bind(),
        config.rtp().portMin(),
        config.rtp().portMax(),
        config.rtp().advertise(),
        daemon.recordings(),
        config.storage().indexFile() == null
            ? "none"
            : config.storage().indexFile().toAbsolutePath().normalize(),
        daemon.httpPort() == 0
            ? "off"
            : "http://"
                + config.http().bind()
                + ":"
                + daemon.httpPort()
                + "/metrics, /health/live, /health/ready");
    out.flush();
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (text.length() > 0) {
        text.append(": ");
      }
      text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
