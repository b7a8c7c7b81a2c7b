package io.srs.daemon.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ends an external peer together with every process it forked. {@link Process#destroy()} signals
 * only the process itself: the children of a forking server (Kamailio's workers) survive a parent
 * that is killed, reparented to init and invisible to the test from then on.
 */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * SIGTERM to {@code root} (a server stops its own workers), then after {@code grace} SIGKILL to
   * whatever is left of the tree, descendants first. Fails naming any process still alive.
   */
  static void end(ProcessHandle root, Duration grace) {
    // Taken while the root lives: once it has gone, its orphans are nobody's descendants.
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    root.destroy();
    if (awaitGone(root, tree, grace)) {
      return;
    }
    kill(root, tree);
    if (!awaitGone(root, tree, grace)) {
      throw new AssertionError("processes still alive after SIGKILL: " + alive(root, tree));
    }
  }

  /** SIGKILL at once, descendants first: for a shutdown hook, which has no time to wait. */
  static void kill(ProcessHandle root) {
    kill(root, new ArrayList<>(root.descendants().toList()));
  }

  private static void kill(ProcessHandle root, List<ProcessHandle> tree) {
    tree.addAll(root.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
  }

  private static boolean awaitGone(ProcessHandle root, List<ProcessHandle> tree, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    List<ProcessHandle> all = new ArrayList<>(tree);
    all.add(root);
    for (ProcessHandle process : all) {
      long left = deadline - System.nanoTime();
      try {
        process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        return false;
      } catch (java.util.concurrent.ExecutionException impossible) {
        throw new IllegalStateException(impossible);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static String alive(ProcessHandle root, List<ProcessHandle> tree) {
    List<ProcessHandle> all = new ArrayList<>(tree);
    all.add(root);
    return all.stream()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .collect(Collectors.joining(", "));
  }
}
