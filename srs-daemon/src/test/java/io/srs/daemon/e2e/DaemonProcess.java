package io.srs.daemon.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real daemon as a separate process ({@code java io.srs.daemon.Main run ...}), started the way
 * the launcher starts it, with its output captured line by line.
 */
final class DaemonProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** Kills the daemon if the test JVM is stopped before {@link #close()} ran. */
  private final Thread reaper;

  private DaemonProcess(Process process) {
    this.process = process;
    this.reaper = new Thread(process::destroyForcibly, "daemon-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
              }
            },
            "daemon-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code srs run} with {@code args} and waits for the start-up banner. */
  static DaemonProcess start(Path workDir, String... args) throws Exception {
    DaemonProcess daemon = launch(workDir, args);
    daemon.awaitBanner();
    return daemon;
  }

  /** RTP ports a daemon gets when the test names none: a random free range of this size. */
  static final int DEFAULT_RTP_PORTS = 100;

  /** Starts {@code srs run} on a JVM given {@code jvmArgs} (e.g. a logback configuration). */
  static DaemonProcess start(Path workDir, List<String> jvmArgs, String... args) throws Exception {
    DaemonProcess daemon = launch(workDir, jvmArgs, args);
    daemon.awaitBanner();
    return daemon;
  }

  /** Starts {@code srs run} with {@code args}, without waiting: for a start that must fail. */
  static DaemonProcess launch(Path workDir, String... args) throws Exception {
    return launch(workDir, List.of(), args);
  }

  private static DaemonProcess launch(Path workDir, List<String> jvmArgs, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.srs.daemon.Main");
    command.add("run");
    command.addAll(List.of(args));
    if (!List.of(args).contains("--http-port")) {
      command.add("--http-port=0"); // off unless a test asks for it: 8080 may be taken
    }
    if (!List.of(args).contains("--rtp-ports")) {
      int low = FreePorts.evenRangeStart(DEFAULT_RTP_PORTS); // 25 two-stream calls
      command.add("--rtp-ports=" + low + "-" + (low + DEFAULT_RTP_PORTS - 1));
    }
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    return new DaemonProcess(process);
  }

  /**
   * Starts {@code command} as written (no {@code --http-port} added) with {@code environment} in
   * place of this JVM's {@code SRS_*} variables, and waits for the start-up banner.
   */
  static DaemonProcess exec(List<String> command, Map<String, String> environment, Path workDir)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("SRS_"));
    builder.environment().putAll(environment);
    DaemonProcess daemon = new DaemonProcess(builder.start());
    try {
      daemon.awaitBanner();
    } catch (AssertionError notStarted) {
      daemon.process.destroyForcibly();
      throw notStarted;
    }
    return daemon;
  }

  /**
   * Waits for the whole start-up banner, up to its last line: tests read the banner's lines (SIP
   * address, recordings) right after, and the reader thread adds them one at a time.
   */
  private void awaitBanner() throws InterruptedException {
    awaitLine("recording server started", Duration.ofSeconds(30));
    awaitLine("Stop with Ctrl-C or SIGTERM", Duration.ofSeconds(5));
  }

  /** Waits for an output line containing {@code text}; fails with the output so far. */
  String awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (line.contains(text)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "daemon printed no line containing '"
            + text
            + "' (alive="
            + process.isAlive()
            + "):\n"
            + output());
  }

  String output() {
    return String.join("\n", lines);
  }

  /**
   * Sends SIGTERM without waiting for the process to exit. Through the process handle: {@link
   * Process#destroy()} also closes our end of its output, and the drain's log lines would be lost.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the process to exit; returns its status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("daemon did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  /** SIGKILL, as the kernel's OOM killer or a power cut stops it: no hook, no finalisation. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("daemon did not die within 10 s of SIGKILL:\n" + output());
    }
  }

  /** SIGTERM, as systemd stops it; returns the exit status. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("daemon did not stop within 30 s of SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to.
    }
  }
}
