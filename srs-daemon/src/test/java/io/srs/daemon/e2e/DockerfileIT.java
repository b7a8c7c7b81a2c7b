package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/Dockerfile without a Docker engine (the build machines have only the client): the image's
 * runtime stage is checked against the build output of {@code mvn package}, then its ENTRYPOINT and
 * CMD run as written on copies of what it copies, with the configuration it bundles. What stays
 * untested is the base images and {@code docker build} itself.
 */
class DockerfileIT {
  /** Failsafe runs in srs-daemon/; the build context ({@code docker build ... .}) is the repo. */
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static Dockerfile dockerfile;
  private static Dockerfile.Stage image;

  @TempDir Path work;

  @BeforeAll
  static void readTheDockerfile() throws IOException {
    dockerfile = Dockerfile.read(REPO.resolve("docker/Dockerfile"));
    image = dockerfile.finalStage();
  }

  @Test
  void theImageIsBuiltWithMavenInOneStageAndRunsOnAJreOfTheProjectsJavaInAnother()
      throws IOException {
    assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(image.image()).contains("jre");
    Matcher release =
        Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
            .matcher(Files.readString(REPO.resolve("pom.xml")));
    assertThat(release.find()).as("maven.compiler.release in pom.xml").isTrue();
    assertThat(image.image()).contains(":" + release.group(1) + "-");
    for (Dockerfile.Copy copy : image.copies()) {
      if (copy.from() != null) {
        assertThat(dockerfile.stage(copy.from()))
            .as("the stage COPY --from=%s names", copy.from())
            .isPresent();
      }
    }
  }

  @Test
  void theRecorderRunsAsANonRootUserTheImageCreates() {
    String user = image.last("USER").orElseThrow(() -> new AssertionError("no USER: root"));
    String name = user.split(":")[0];

    assertThat(name).isNotIn("root", "0");
    assertThat(image.all("RUN"))
        .anyMatch(run -> run.matches("(?s).*useradd .*\\b" + name + "\\b.*"));
  }

  @Test
  void everyFileTheImageCopiesExistsAfterMavenPackage() {
    assertThat(image.copies()).isNotEmpty();
    for (Dockerfile.Copy copy : image.copies()) {
      for (String source : copy.sources()) {
        assertThat(hostPath(copy, source)).as("COPY %s -> %s", source, copy.target()).exists();
      }
    }
  }

  @Test
  void exposeNamesTheConfiguredSipTlsAndHttpPorts() throws IOException {
    JsonNode defaults = YAML.readTree(REPO.resolve("config/srs.yaml").toFile());
    TreeSet<String> exposed = new TreeSet<>();
    image.all("EXPOSE").forEach(e -> exposed.addAll(List.of(e.split("\\s+"))));

    int sip = defaults.at("/sip/port").asInt();
    assertThat(exposed)
        .contains(
            sip + "/udp",
            sip + "/tcp",
            defaults.at("/sip/tls/port").asInt() + "/tcp",
            defaults.at("/http/port").asInt() + "/tcp");
  }

  @Test
  void theVolumeIsWhereTheBundledConfigurationKeepsRecordings() throws IOException {
    JsonNode bundled = YAML.readTree(bundledConfig().toFile());
    String volumes = image.last("VOLUME").orElseThrow(() -> new AssertionError("no VOLUME"));

    assertThat(new ObjectMapper().readValue(volumes, String[].class))
        .contains(bundled.at("/storage/path").asText());
    assertThat(image.all("RUN"))
        .anyMatch(run -> run.contains(bundled.at("/storage/path").asText()));
  }

  /**
   * The ENTRYPOINT and CMD exactly as written, but for two rewrites: {@code java} is this JVM's
   * (the image's is the JRE on its PATH), and the directories the image copies into ({@code
   * /opt/srs}, {@code /etc/srs}) are copies under a temporary root. Recordings and ports come from
   * the {@code SRS_*} environment, as an operator running the image would set them.
   */
  @Test
  void theEntrypointAndCmdStartTheRecorderFromTheCopiedJarsWithTheBundledConfig() throws Exception {
    Path root = work.resolve("root");
    Map<String, Path> mapped = new LinkedHashMap<>();
    for (Dockerfile.Copy copy : image.copies()) {
      for (String source : copy.sources()) {
        copyInto(hostPath(copy, source), root, copy.target());
      }
      String top = topDirectory(copy.target());
      mapped.put(top, root.resolve(top.substring(1)));
    }
    assertThat(mapped).containsOnlyKeys("/opt/srs", "/etc/srs");

    List<String> command = new ArrayList<>(image.execForm("ENTRYPOINT"));
    command.addAll(image.execForm("CMD"));
    assertThat(command.get(0)).isEqualTo("java");
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.replaceAll(argument -> rewrite(argument, mapped));

    Path recordings = work.resolve("recordings");
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    int rtpLow = FreePorts.evenRangeStart(100);
    Map<String, String> environment = new LinkedHashMap<>(image.environment());
    environment.put("SRS_STORAGE_PATH", recordings.toString());
    environment.put("SRS_SIP_PORT", Integer.toString(sipPort));
    environment.put("SRS_HTTP_PORT", Integer.toString(httpPort));
    environment.put("SRS_RTP_PORTS", rtpLow + "-" + (rtpLow + 99));
    Path workDir = Files.createDirectories(work.resolve("workdir"));

    try (DaemonProcess daemon = DaemonProcess.exec(command, environment, workDir);
        RawSipClient probe = new RawSipClient(sipPort)) {
      assertThat(daemon.output())
          .contains("udp+tcp 0.0.0.0:" + sipPort)
          .contains("recordings  " + recordings);
      var ready = Http.get(httpPort, "/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(probe.options().status()).isEqualTo(200);
    }
  }

  /** Where a COPY source is on this machine: the build stage's WORKDIR is the repo it copied. */
  private static Path hostPath(Dockerfile.Copy copy, String source) {
    if (copy.from() == null) {
      return REPO.resolve(source);
    }
    Dockerfile.Stage stage = dockerfile.stage(copy.from()).orElseThrow();
    String workdir = stage.last("WORKDIR").orElseThrow() + "/";
    assertThat(stage.all("COPY")).as("the %s stage copies the repo", copy.from()).contains(". .");
    assertThat(source).as("COPY --from=%s", copy.from()).startsWith(workdir);
    return REPO.resolve(source.substring(workdir.length()));
  }

  private static Path bundledConfig() throws IOException {
    List<String> cmd = image.execForm("CMD");
    String config = cmd.get(cmd.indexOf("--config") + 1);
    Dockerfile.Copy copy =
        image.copies().stream()
            .filter(c -> c.target().equals(config))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing copied to " + config));
    return hostPath(copy, copy.sources().get(0));
  }

  /** {@code /opt/srs/lib/} -> {@code /opt/srs}. */
  private static String topDirectory(String target) {
    String[] parts = target.split("/");
    return "/" + parts[1] + "/" + parts[2];
  }

  /** COPY's rules: a directory's contents go into the target; a file into a target ending in /. */
  private static void copyInto(Path source, Path root, String target) throws IOException {
    Path destination = root.resolve(target.substring(1));
    if (Files.isDirectory(source)) {
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path to = destination.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      return;
    }
    if (target.endsWith("/")) {
      destination = destination.resolve(source.getFileName().toString());
    }
    Files.createDirectories(destination.getParent());
    Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** Each mapped directory, where it starts a path: the argument or a class-path element. */
  private static String rewrite(String argument, Map<String, Path> mapped) {
    String rewritten = argument;
    for (Map.Entry<String, Path> entry : mapped.entrySet()) {
      rewritten =
          rewritten.replaceAll(
              "(^|[:=])" + Pattern.quote(entry.getKey()) + "(?=/|:|$)",
              "$1" + Matcher.quoteReplacement(entry.getValue().toString()));
    }
    return rewritten;
  }
}
