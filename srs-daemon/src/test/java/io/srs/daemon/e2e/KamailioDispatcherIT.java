package io.srs.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.srs.daemon.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real SRS nodes behind Kamailio's dispatcher running {@code config/kamailio-dispatcher.cfg},
 * the scale-out of DESIGN.md and docs/operations.md: the balancer probes each node with SIP
 * OPTIONS; a node that drains answers 503, leaves rotation, finishes its calls; every new call
 * lands on the other node, and the SRC never sees a refusal while one node can record.
 *
 * <p>The tests are the phases of one pool's life, in order. Every wait is bounded and every test
 * has a timeout that abandons it, so a stuck peer fails the run instead of hanging it; {@link
 * #stopEverything()} ends every process whatever happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KamailioDispatcherIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A call placed by {@code srs simulate} outlasts the drain's first seconds by this much. */
  private static final int LONG_CALL_SECONDS = 6;

  private static final Pattern CALL_ID = Pattern.compile("callId=(\\S+)");

  @TempDir static Path work;

  private static Node a;
  private static Node b;
  private static Kamailio balancer;

  /** One SRS node: the process (replaced when restarted), its SIP port and recordings. */
  private static final class Node {
    final String name;
    final Path dir;
    final int sipPort;
    DaemonProcess process;

    Node(String name) throws Exception {
      this.name = name;
      this.dir = Files.createDirectories(work.resolve("node-" + name));
      this.sipPort = FreePorts.udpAndTcp();
    }

    DaemonProcess launch() throws Exception {
      process =
          DaemonProcess.launch(
              dir,
              "--bind",
              "127.0.0.1",
              "--sip-port",
              Integer.toString(sipPort),
              "--recordings",
              recordings().toString());
      return process;
    }

    Path recordings() {
      return dir.resolve("recordings");
    }

    String uri() {
      return "sip:127.0.0.1:" + sipPort;
    }

    List<String> callIds(String event) {
      List<String> ids = new ArrayList<>();
      for (String line : process.output().lines().toList()) {
        if (line.contains(" " + event + " ")) {
          Matcher id = CALL_ID.matcher(line);
          if (id.find()) {
            ids.add(id.group(1));
          }
        }
      }
      return ids;
    }

    int started() {
      return callIds("recording.started").size();
    }

    List<JsonNode> sidecars() throws Exception {
      List<JsonNode> sidecars = new ArrayList<>();
      for (Path file : RecordingFiles.sidecars(recordings())) {
        sidecars.add(RecordingFiles.sidecar(file.getParent()));
      }
      return sidecars;
    }

    void stop() throws InterruptedException {
      if (process != null) {
        process.close();
      }
    }
  }

  @BeforeAll
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  static void twoNodesBehindKamailio() throws Exception {
    a = new Node("a");
    b = new Node("b");
    a.launch();
    b.launch();
    a.process.awaitLine("recording server started", Duration.ofSeconds(40));
    b.process.awaitLine("recording server started", Duration.ofSeconds(40));
    balancer = Kamailio.start(List.of(a.sipPort, b.sipPort));
  }

  @AfterAll
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  static void stopEverything() throws Exception {
    Throwable failure = null;
    for (AutoCloseable peer : new AutoCloseable[] {balancer, () -> stop(a), () -> stop(b)}) {
      try {
        if (peer != null) {
          peer.close();
        }
      } catch (Exception | AssertionError e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof Exception e) {
      throw e;
    } else if (failure != null) {
      throw (AssertionError) failure;
    }
  }

  private static void stop(Node node) throws InterruptedException {
    if (node != null) {
      node.stop();
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void callsThroughTheBalancerGoRoundRobinAndAreRecordedOnTheNodeTheyWereSentTo() throws Exception {
    assertAnswered(place("udp", 4, 4, 1), 4);
    assertAnswered(place("tcp", 2, 4, 1), 2);

    awaitRecordings(6);
    for (Node node : List.of(a, b)) {
      List<JsonNode> sidecars = node.sidecars();
      assertThat(sidecars).as("round robin: node %s had its turn", node.name).isNotEmpty();
      for (JsonNode sidecar : sidecars) {
        String callId = sidecar.get("callId").asText();
        assertThat(balancer.scriptLines())
            .as("the balancer sent %s to node %s", callId, node.name)
            .contains("balancer: INVITE " + callId + " to " + node.uri());
        assertThat(node.callIds("recording.started"))
            .as("the ACK reached node %s through the balancer", node.name)
            .contains(callId);
        assertThat(sidecar.get("status").asText()).isEqualTo("complete");
        assertThat(sidecar.get("endReason").asText()).isEqualTo("bye");
        assertThat(sidecar.get("tracks")).hasSize(2);
      }
    }
  }

  @Test
  @Order(2)
  @Timeout(value = 45, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aDrainingNodeIsProbedOutOfRotationAndEveryNewCallLandsOnTheOtherWhileItsOwnCallsEnd()
      throws Exception {
    int startedA = a.started();
    int startedB = b.started();
    CompletableFuture<CliRun> longCalls =
        CompletableFuture.supplyAsync(() -> place("udp", 4, 20, LONG_CALL_SECONDS));
    await(
        () -> a.started() + b.started() >= startedA + startedB + 4,
        "the four long calls to start on the nodes");
    int inProgressAtA = a.started() - startedA;
    assertThat(inProgressAtA).as("round robin gave node A some of the long calls").isPositive();

    String downA = "balancer: recorder down " + a.uri();
    int downBefore = count(balancer.scriptLines(), downA);
    a.process.terminate();
    a.process.awaitLine("stopping: draining", WAIT);
    // No INVITE until the balancer has seen A's 503: what takes A out is the OPTIONS probe.
    balancer.awaitScriptLine(downA, downBefore + 1, WAIT);
    try (RawSipClient probe = new RawSipClient(a.sipPort)) {
      assertThat(probe.options().status()).as("A answers probes while it drains").isEqualTo(503);
    }
    int linesBeforeNewCalls = balancer.scriptLines().size();

    assertAnswered(place("udp", 4, 8, 1), 4);
    assertAnswered(place("tcp", 4, 8, 1), 4);
    assertAnswered(longCalls.get(30, TimeUnit.SECONDS), 4);
    assertDrainedAndExited(a);

    List<String> newInvites =
        balancer.scriptLines().subList(linesBeforeNewCalls, balancer.scriptLines().size()).stream()
            .filter(l -> l.startsWith("balancer: INVITE "))
            .toList();
    assertThat(newInvites).hasSize(8).allMatch(l -> l.endsWith(" to " + b.uri()));
    assertThat(a.callIds("recording.rejected")).as("no INVITE reached A to be refused").isEmpty();
    assertThat(a.started())
        .as("A started nothing after SIGTERM")
        .isEqualTo(startedA + inProgressAtA);
    assertThat(b.started()).isEqualTo(startedB + (4 - inProgressAtA) + 8);

    awaitRecordings(6 + 4 + 8);
    assertThat(a.sidecars()).hasSize(a.started());
    assertThat(b.sidecars()).hasSize(b.started());
    for (JsonNode sidecar : a.sidecars()) {
      assertThat(sidecar.get("endReason").asText())
          .as("A's calls ended with the SRC's BYE, inside the drain")
          .isEqualTo("bye");
    }
  }

  @Test
  @Order(3)
  @Timeout(value = 45, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aNodeBackOnItsPortReturnsToRotationAndTakesTheCallsTheDrainingNodeRefuses()
      throws Exception {
    a.stop(); // already gone unless the previous phase failed
    int upA = count(balancer.scriptLines(), "balancer: recorder up " + a.uri());
    a.launch().awaitLine("recording server started", Duration.ofSeconds(30));
    balancer.awaitScriptLine("balancer: recorder up " + a.uri(), upA + 1, WAIT);

    b.process.terminate();
    b.process.awaitLine("stopping: draining", WAIT);
    // Right away: until its next probe the balancer still picks B, which answers 503.
    assertAnswered(place("udp", 4, 10, 1), 4);

    assertThat(a.started()).as("every call recorded on A").isEqualTo(4);
    List<String> script = balancer.scriptLines();
    for (String refused : b.callIds("recording.rejected")) {
      assertThat(script)
          .as("B refused %s; the failure route retried it on A", refused)
          .contains("balancer: INVITE " + refused + " retried at " + a.uri());
    }
    assertDrainedAndExited(b);
  }

  @Test
  @Order(4)
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void withNoNodeLeftTheBalancerRefusesCallsAndProbesWith503AndRetryAfter() throws Exception {
    b.stop(); // already gone unless the previous phase failed
    // Wait until the probes have marked B down: its freed port is ephemeral, and the kernel may
    // hand it to the next client socket, ours included, to which the balancer would relay.
    balancer.awaitScriptLine("balancer: recorder down " + b.uri(), 1, WAIT);
    int downA = count(balancer.scriptLines(), "balancer: recorder down " + a.uri());
    a.process.terminate();
    a.process.awaitLine("stopping: draining", WAIT);
    String metadata = InJvmDaemon.resource("/e2e/metadata-two-parties.xml");
    try (RawSipClient src = new RawSipClient(balancer.port)) {
      RawSipClient.Response refused = src.invite(metadata);
      assertThat(refused.status()).as(refused.text()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
    }
    balancer.awaitScriptLine("balancer: recorder down " + a.uri(), downA + 1, WAIT);
    try (RawSipClient sbc = new RawSipClient(balancer.port)) {
      RawSipClient.Response probe = sbc.options();
      assertThat(probe.status()).as(probe.text()).isEqualTo(503);
      assertThat(probe.header("Retry-After")).isEqualTo("5");
    }
    assertDrainedAndExited(a);
  }

  /**
   * The node let its calls end on their own and exited. (The status is the JVM's for SIGTERM, 143,
   * once its shutdown hooks have finished.)
   */
  private static void assertDrainedAndExited(Node node) throws InterruptedException {
    node.process.awaitExit(Duration.ofSeconds(20));
    assertThat(node.process.output())
        .as("node %s", node.name)
        .contains("stopping: drained", "stopping: every recording finalised")
        .doesNotContain("drain limit");
  }

  /** {@code srs simulate} through the balancer. */
  private static CliRun place(String transport, int calls, int rate, int seconds) {
    return SimulateIT.simulate(
        "--target",
        "127.0.0.1:" + balancer.port,
        "--bind",
        "127.0.0.1",
        "--transport",
        transport,
        "--calls",
        Integer.toString(calls),
        "--rate",
        Integer.toString(rate),
        "--duration",
        Integer.toString(seconds));
  }

  private static void assertAnswered(CliRun run, int calls) {
    assertThat(run.exit())
        .as("srs simulate:%n%s%n%s%s", run.out(), run.err(), balancer.tail())
        .isZero();
    assertThat(run.out()).contains("calls answered    " + calls, "calls failed      0");
  }

  private static void awaitRecordings(int total) throws Exception {
    await(
        () ->
            RecordingFiles.sidecars(a.recordings()).size()
                    + RecordingFiles.sidecars(b.recordings()).size()
                >= total,
        total + " recordings on the two nodes");
    assertThat(a.sidecars().size() + b.sidecars().size()).isEqualTo(total);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited "
                + WAIT
                + " for "
                + what
                + "\n--- node A ---\n"
                + a.process.output()
                + "\n--- node B ---\n"
                + b.process.output()
                + balancer.tail());
      }
      Thread.sleep(50);
    }
  }

  private static int count(List<String> lines, String line) {
    return (int) lines.stream().filter(line::equals).count();
  }
}
