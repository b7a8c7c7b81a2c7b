package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config/srs.service} as systemd reads it: {@code systemd-analyze verify} must accept it
 * without a word (it once split {@code JAVA_OPTS} at its spaces and kept only {@code -Xms512m}),
 * and the hardening and stop behaviour issue 5 asks for must be there.
 */
class SystemdUnitIT {
  private static final Path UNIT = Path.of("..", "config", "srs.service");

  @TempDir Path work;

  @Test
  void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
    // verify checks that ExecStart is executable: point it at the launcher in this checkout.
    Path launcher = Path.of("..", "srs").toAbsolutePath().normalize();
    Path unit = work.resolve("srs.service");
    Files.writeString(unit, Files.readString(UNIT).replace("/opt/srs/srs ", launcher + " "));

    ExternalTools.Run run =
        ExternalTools.run(
            List.of("systemd-analyze", "verify", unit.toString()), work, Duration.ofSeconds(30));

    assertThat(run.output()).as("systemd-analyze verify").isBlank();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theUnitRunsHardenedAsItsOwnUserAndDrainsOnStop() throws Exception {
    Map<String, String> service = section(Files.readString(UNIT), "Service");

    assertThat(service)
        .containsEntry("User", "srs")
        .containsEntry("ProtectSystem", "strict")
        .containsEntry("NoNewPrivileges", "yes")
        .containsEntry("ReadWritePaths", "/var/lib/srs /var/log/srs")
        .containsEntry("Restart", "on-failure")
        .containsEntry("KillSignal", "SIGTERM")
        // The JVM exits 143 after SIGTERM: that is our clean stop, not a failure.
        .containsEntry("SuccessExitStatus", "143");
    assertThat(service.get("Environment")).startsWith("\"JAVA_OPTS=").endsWith("\"");
    // Longer than limits.drain-seconds (20) plus limits.shutdown-grace-seconds (30).
    assertThat(Integer.parseInt(service.get("TimeoutStopSec"))).isGreaterThan(20 + 30);
  }

  /** The last value of each key in {@code [name]}; comments and blank lines skipped. */
  private static Map<String, String> section(String unit, String name) {
    Map<String, String> keys = new LinkedHashMap<>();
    boolean inside = false;
    for (String raw : unit.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        inside = line.equals("[" + name + "]");
      } else if (inside && !line.isEmpty() && !line.startsWith("#")) {
        int equals = line.indexOf('=');
        keys.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return keys;
  }
}
