package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package `mvn package` builds is read back with Debian's own dpkg-deb, the tool apt
 * uses: its control fields, its file list, its maintainer scripts, and its launcher run from the
 * unpacked tree. Installing it would change this machine (a system user, /opt/srs), so the test
 * stops at unpacking.
 */
class DebianPackageIT {
  private static final Duration DPKG_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  private static Path deb() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("srs_.*_all\\.deb"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no target/srs_*_all.deb; mvn package builds it"))
          .toAbsolutePath();
    }
  }

  private ExternalTools.Run dpkgDeb(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
    command.addAll(List.of(args));
    ExternalTools.Run run = ExternalTools.run(command, work, DPKG_TIMEOUT);
    assertThat(run.exitCode()).as(run.output()).isZero();
    return run;
  }

  @Test
  void theControlFieldsNameTheJavaRuntimeItNeeds() throws Exception {
    String info = dpkgDeb("--info", deb().toString()).output();

    assertThat(info)
        .contains("Package: srs")
        .contains("Architecture: all")
        .containsPattern("Depends: .*java17-runtime-headless")
        .containsPattern("Version: \\d+\\.\\d+\\.\\d+");
  }

  @Test
  void itInstallsTheLauncherJarsConfigUnitAndACommandOnThePath() throws Exception {
    String contents = dpkgDeb("--contents", deb().toString()).output();

    assertThat(contents)
        .contains("./opt/srs/srs")
        .contains("./opt/srs/lib/srs-daemon.jar")
        .containsPattern("./opt/srs/lib/jain-sip-ri-.*\\.jar")
        .contains("./opt/srs/docs/operations.md")
        .contains("./opt/srs/config/kamailio-dispatcher.cfg")
        .contains("./etc/srs/srs.yaml")
        .contains("./etc/srs/logback.xml")
        .contains("./lib/systemd/system/srs.service")
        .contains("./usr/bin/srs -> /opt/srs/srs")
        .doesNotContain("junit")
        .doesNotContain("assertj");
  }

  @Test
  void operatorEditsToTheConfigSurviveUpgrades() throws Exception {
    Path control = work.resolve("control");
    dpkgDeb("--control", deb().toString(), control.toString());

    assertThat(Files.readAllLines(control.resolve("conffiles")))
        .containsExactlyInAnyOrder("/etc/srs/srs.yaml", "/etc/srs/logback.xml");
  }

  @Test
  void theMaintainerScriptsAreValidShellAndNeverDeleteRecordings() throws Exception {
    Path control = work.resolve("control");
    dpkgDeb("--control", deb().toString(), control.toString());

    for (String script : List.of("postinst", "prerm", "postrm")) {
      Path file = control.resolve(script);
      assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
      ExternalTools.Run syntax =
          ExternalTools.run(List.of("sh", "-n", file.toString()), work, DPKG_TIMEOUT);
      assertThat(syntax.exitCode()).as(script + ": " + syntax.output()).isZero();
      assertThat(Files.readString(file)).doesNotContain("rm -rf /var/lib/srs");
    }
    assertThat(Files.readString(control.resolve("postinst")))
        .contains("adduser --system")
        .contains("/var/lib/srs/recordings")
        .doesNotContain("systemctl enable")
        .doesNotContain("systemctl start");
  }

  @Test
  void theUnpackedLauncherRunsThroughTheSymlinkOnThePath() throws Exception {
    Path root = work.resolve("root");
    dpkgDeb("--extract", deb().toString(), root.toString());
    // The package's /usr/bin/srs is an absolute link to /opt/srs/srs; inside the unpacked tree
    // point an equivalent link at the unpacked launcher.
    Path link = work.resolve("bin").resolve("srs");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, root.resolve("opt/srs/srs"));

    ExternalTools.Run version =
        ExternalTools.run(List.of("bash", link.toString(), "--version"), work, DPKG_TIMEOUT);

    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output()).contains("srs ").doesNotContain("building");
  }
}
