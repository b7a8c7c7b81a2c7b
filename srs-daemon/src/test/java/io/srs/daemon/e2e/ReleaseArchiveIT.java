package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive `mvn package` builds runs as shipped: unpacked anywhere, its launcher starts
 * the recorder from lib/ with a Java runtime alone, no Maven and no source tree.
 */
class ReleaseArchiveIT {
  @TempDir Path work;

  private static Path archive() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("srs-.*-release\\.zip"))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no target/srs-*-release.zip; mvn package builds it"));
    }
  }

  @Test
  void theArchiveHoldsTheLauncherEveryJarTheConfigAndTheDocs() throws Exception {
    List<String> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive().toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(entries::add);
    }

    assertThat(entries)
        .anyMatch(e -> e.endsWith("/srs"))
        .anyMatch(e -> e.endsWith("/lib/srs-daemon.jar"))
        .anyMatch(e -> e.matches(".*/lib/srs-core-.*\\.jar"))
        .anyMatch(e -> e.matches(".*/lib/jain-sip-ri-.*\\.jar"))
        .anyMatch(e -> e.matches(".*/lib/netty-transport-native-epoll-.*\\.jar"))
        .anyMatch(e -> e.endsWith("/config/srs.yaml"))
        .anyMatch(e -> e.endsWith("/config/srs.service"))
        .anyMatch(e -> e.endsWith("/config/kamailio-dispatcher.cfg"))
        .anyMatch(e -> e.endsWith("/docs/operations.md"))
        .anyMatch(e -> e.endsWith("/LICENSE"))
        .noneMatch(e -> e.contains("junit") || e.contains("assertj"));
  }

  @Test
  void theUnpackedLauncherRunsWithoutMaven() throws Exception {
    Path root = null;
    try (ZipFile zip = new ZipFile(archive().toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        Path target = work.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(work)).as("entry %s stays inside", entry.getName()).isTrue();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
        if (entry.getName().endsWith("/srs")) {
          root = target.getParent();
        }
      }
    }
    assertThat(root).as("launcher in the archive").isNotNull();

    ExternalTools.Run version =
        ExternalTools.run(
            List.of("bash", root.resolve("srs").toString(), "--version"),
            work,
            Duration.ofSeconds(60));

    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output()).contains("srs ").doesNotContain("building");
  }
}
