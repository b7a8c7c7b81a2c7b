package io.srs.daemon.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the external peers of the end-to-end tests: SIPp as the SRC, sox as the judge. */
final class ExternalTools {
  private ExternalTools() {}

  /** What a command printed and how it ended. */
  record Run(int exitCode, String output) {}

  static Run run(List<String> command, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    requireOnPath(command.get(0));
    Path log = Files.createTempFile(workDir, command.get(0), ".out");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          command.get(0) + " did not finish within " + timeout + ":\n" + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
  }

  static void requireOnPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    throw new AssertionError(
        tool + " is not installed; .ci/run installs it (apt-get install sip-tester sox)");
  }

  /** What {@code sox FILE -n stat} says about a recording. */
  record SoxStat(double lengthSeconds, double roughFrequencyHz, double rmsAmplitude, String raw) {}

  static SoxStat soxStat(Path wav) throws IOException, InterruptedException {
    return soxStat(wav, List.of());
  }

  /** {@code sox FILE -n trim FROM LENGTH stat}: a stretch of the recording, in seconds. */
  static SoxStat soxStat(Path wav, double fromSeconds, double lengthSeconds)
      throws IOException, InterruptedException {
    return soxStat(
        wav, List.of("trim", Double.toString(fromSeconds), Double.toString(lengthSeconds)));
  }

  private static SoxStat soxStat(Path wav, List<String> effects)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("sox", wav.toString(), "-n"));
    command.addAll(effects);
    command.add("stat");
    Run run = run(command, wav.getParent(), Duration.ofSeconds(30));
    if (run.exitCode() != 0) {
      throw new AssertionError("sox could not decode " + wav + ":\n" + run.output());
    }
    return new SoxStat(
        number(run.output(), "Length \\(seconds\\)"),
        number(run.output(), "Rough\\s+frequency"),
        number(run.output(), "RMS\\s+amplitude"),
        run.output());
  }

  private static double number(String output, String label) {
    Matcher matcher = Pattern.compile(label + ":\\s+(-?[0-9.]+)").matcher(output);
    if (!matcher.find()) {
      throw new AssertionError("sox stat printed no '" + label + "':\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }
}
