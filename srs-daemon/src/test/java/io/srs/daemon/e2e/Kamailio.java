package io.srs.daemon.e2e;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio (Debian's package) as the SIP load balancer in front of SRS nodes, running the example
 * that operators get, {@code config/kamailio-dispatcher.cfg}, as it is: only its defines (address,
 * port, destination list) are set on the command line.
 *
 * <p>It can neither hang a test nor outlive one: it runs in the foreground ({@code -DD}: no
 * daemonising, so every Kamailio process stays a descendant of ours) with its runtime directory in
 * {@code target/} instead of {@code /run/kamailio}; its log goes to a file there (no pipe to fill
 * or to hold open); every wait is bounded and fails with the log's tail; and {@link #close()} ends
 * the whole process tree, as does a shutdown hook if the test JVM is stopped first.
 */
final class Kamailio implements AutoCloseable {
  /** The operators' example, relative to the module directory the build runs tests in. */
  static final Path CONFIG = Path.of("..", "config", "kamailio-dispatcher.cfg");

  private static final List<String> BINARIES = List.of("/usr/sbin/kamailio", "/usr/bin/kamailio");
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final int LOG_TAIL_LINES = 60;

  /** Where the balancer takes SIP, UDP and TCP, on 127.0.0.1. */
  final int port;

  /** Everything Kamailio printed (stderr, {@code -E}). */
  final Path log;

  private final Process process;
  private final Thread reaper;

  private Kamailio(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
    ProcessHandle handle = process.toHandle();
    this.reaper = new Thread(() -> ProcessTree.kill(handle), "kamailio-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts Kamailio balancing over {@code nodes} (SIP ports on 127.0.0.1), ready for INVITEs. */
  static Kamailio start(List<Integer> nodes) throws IOException, InterruptedException {
    String binary = binary();
    Path config = CONFIG.toAbsolutePath().normalize();
    if (!Files.isRegularFile(config)) {
      throw new AssertionError("the example Kamailio config is missing: " + config);
    }
    int port = FreePorts.udpAndTcp();
    Path dir = Files.createDirectories(Path.of("target", "kamailio", "balancer-" + port));
    Path run = Files.createDirectories(dir.resolve("run")).toAbsolutePath();
    Path list = dir.resolve("dispatcher.list").toAbsolutePath();
    StringBuilder entries = new StringBuilder();
    for (int node : nodes) {
      entries.append("1 sip:127.0.0.1:").append(node).append('\n');
    }
    Files.writeString(list, entries.toString());

    List<String> command = new ArrayList<>(List.of(binary, "-f", config.toString()));
    command.addAll(
        List.of(
            "-A", "SRS_IP=127.0.0.1",
            "-A", "SRS_PORT=" + port,
            "-A", "SRS_DISPATCHER_LIST=\"" + list + "\""));
    check(command, dir);
    command.addAll(
        List.of(
            "-Y",
            run.toString(), // runtime dir: not /run/kamailio, which the package owns
            "-P",
            run.resolve("kamailio.pid").toString(),
            "-w",
            run.toString(),
            "-DD", // no daemonising, children forked: all of them stay our descendants
            "-E", // log to stderr, which goes to the log file
            "-n",
            "2", // two workers per listener instead of the example's four
            "-m",
            "32")); // MB of shared memory
    Path log = dir.resolve("kamailio.log").toAbsolutePath();
    Process process =
        new ProcessBuilder(command)
            .directory(run.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Kamailio kamailio = new Kamailio(port, log, process);
    try {
      kamailio.awaitOptions200();
    } catch (AssertionError | RuntimeException | InterruptedException e) {
      kamailio.close();
      throw e;
    }
    return kamailio;
  }

  private static String binary() {
    for (String candidate : BINARIES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kamailio"))) {
        return Path.of(dir, "kamailio").toString();
      }
    }
    throw new AssertionError(
        "kamailio is not installed; .ci/run installs it (apt-get install kamailio)");
  }

  /** {@code kamailio -c}: the config parses and its modules load, before anything listens. */
  private static void check(List<String> command, Path dir)
      throws IOException, InterruptedException {
    List<String> check = new ArrayList<>(command);
    check.add("-c");
    Path out = dir.resolve("check.log");
    Process process =
        new ProcessBuilder(check)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!process.waitFor(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      ProcessTree.kill(process.toHandle());
      throw new AssertionError("kamailio -c did not finish within " + CHECK_TIMEOUT);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "kamailio -c rejects " + CONFIG + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
    }
  }

  /** Kamailio answers OPTIONS itself (200 while a node is in rotation): its script is running. */
  private void awaitOptions200() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    String last = "nothing";
    try (DatagramSocket socket = new DatagramSocket(0, loopback)) {
      socket.setSoTimeout(200);
      for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
        if (!process.isAlive()) {
          throw new AssertionError(
              "kamailio exited with status " + process.exitValue() + ":\n" + tail());
        }
        byte[] bytes = options(socket.getLocalPort(), attempt).getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, loopback, port));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(reply);
          last = new String(buffer, 0, reply.getLength(), StandardCharsets.US_ASCII);
          if (last.startsWith("SIP/2.0 200")) {
            return;
          }
          Thread.sleep(100);
        } catch (SocketTimeoutException notYet) {
          // Still starting.
        }
      }
    }
    throw new AssertionError(
        "kamailio did not answer OPTIONS 200 within "
            + READY_TIMEOUT
            + " (last answer: "
            + last.lines().findFirst().orElse("")
            + "):\n"
            + tail());
  }

  private String options(int localPort, int attempt) {
    return "OPTIONS sip:balancer@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + localPort
        + ";branch=z9hG4bK-ready-"
        + attempt
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
        + "To: <sip:balancer@127.0.0.1>\r\n"
        + "Call-ID: ready-"
        + attempt
        + "@127.0.0.1\r\n"
        + "CSeq: "
        + attempt
        + " OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** The lines Kamailio's routing script logged with {@code xlog} (prefix {@code balancer:}). */
  List<String> scriptLines() {
    return lines().stream()
        .filter(l -> l.contains("balancer: "))
        .map(l -> l.substring(l.indexOf("balancer: ")))
        .toList();
  }

  /** Waits until the script has logged {@code line} {@code count} times; fails with the tail. */
  void awaitScriptLine(String line, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (scriptLines().stream().filter(line::equals).count() >= count) {
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "kamailio logged '" + line + "' fewer than " + count + " time(s) in " + timeout + tail());
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of("<cannot read " + log + ": " + e + ">");
    }
  }

  /** The last lines of the log, for failure messages. */
  String tail() {
    List<String> lines = lines();
    return "\n--- "
        + log
        + " (last lines) ---\n"
        + String.join(
            "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to.
    }
    ProcessTree.end(process.toHandle(), STOP_GRACE);
  }
}
