package io.srs.daemon.simulate;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places {@code calls} calls at {@code rate} per second, at most {@code maxConcurrent} at once
 * (later ones wait for a call thread), and gathers their results. Two bounded pools: call threads
 * for the blocking SIP side, and one scheduled executor that paces every call's RTP and the call
 * starts. The whole run has a deadline; a call still running then is interrupted and counted as a
 * timeout, so the run never hangs.
 */
final class LoadRunner {
  /** Failed calls described on the error stream, at most. */
  static final int MAX_FAILURES_SHOWN = 20;

  private final SimulationConfig config;
  private final Clock clock;
  private final PrintWriter err;

  LoadRunner(SimulationConfig config, Clock clock, PrintWriter err) {
    this.config = config;
    this.clock = clock;
    this.err = err;
  }

  /** The run's deadline: the launch spread plus every wave of calls at its worst, plus slack. */
  static Duration deadline(SimulationConfig config) {
    double spreadSeconds = config.calls() / config.rate();
    long waves = (config.calls() + config.maxConcurrent() - 1) / config.maxConcurrent();
    Duration perCall = config.duration().plus(config.responseTimeout().multipliedBy(5));
    return Duration.ofMillis((long) (spreadSeconds * 1000))
        .plus(perCall.multipliedBy(waves))
        .plusSeconds(10);
  }

  SimulationReport run() throws InterruptedException {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            Math.min(2, Runtime.getRuntime().availableProcessors()), threads("srs-sim-rtp"));
    scheduler.setRemoveOnCancelPolicy(true);
    ExecutorService callThreads =
        new ThreadPoolExecutor(
            config.maxConcurrent(),
            config.maxConcurrent(),
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(config.calls()),
            threads("srs-sim-call"));
    MetadataRenderer metadata = new MetadataRenderer();
    Random seeds = new Random();
    String host = config.bindAddress();
    List<CompletableFuture<CallResult>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < config.calls(); i++) {
        CallIdentity identity = CallIdentity.create(i + 1, host, new Random(seeds.nextLong()));
        Random random = new Random(seeds.nextLong());
        CompletableFuture<CallResult> future = new CompletableFuture<>();
        futures.add(future);
        long delayMicros = (long) (i * 1_000_000 / config.rate());
        scheduler.schedule(
            () -> {
              try {
                callThreads.execute(
                    () -> {
                      SimulatedCall call =
                          new SimulatedCall(config, identity, metadata, scheduler, clock, random);
                      future.complete(call.run());
                    });
              } catch (RuntimeException e) {
                future.complete(CallResult.failed(false, "error", -1, 0, e.toString()));
              }
            },
            delayMicros,
            TimeUnit.MICROSECONDS);
      }
      List<CallResult> results = await(futures, deadline(config));
      describeFailures(results);
      return SimulationReport.of(results);
    } finally {
      callThreads.shutdownNow();
      scheduler.shutdownNow();
      callThreads.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static List<CallResult> await(List<CompletableFuture<CallResult>> futures, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<CallResult> results = new ArrayList<>();
    for (CompletableFuture<CallResult> future : futures) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        results.add(future.get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        results.add(CallResult.failed(false, "timeout", -1, 0, "still running at the deadline"));
      } catch (ExecutionException e) {
        results.add(CallResult.failed(false, "error", -1, 0, String.valueOf(e.getCause())));
      }
    }
    return results;
  }

  private void describeFailures(List<CallResult> results) {
    int shown = 0;
    for (int i = 0; i < results.size() && shown < MAX_FAILURES_SHOWN; i++) {
      CallResult result = results.get(i);
      if (!result.succeeded()) {
        err.printf("call %d failed: %s (%s)%n", i + 1, result.failure(), result.detail());
        shown++;
      }
    }
    err.flush();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
