package io.srs.daemon.simulate;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The media schedule of one call: every 20 ms, one packet on each stream that has a target, unless
 * paused. Ticks run on the shared scheduler (a fixed-rate task per call, so pacing catches up after
 * a late tick instead of drifting); the call thread only flips {@link #pause}.
 */
final class CallMedia implements AutoCloseable {
  static final long PACKET_MICROS = 20_000;

  private final List<RtpStream> streams;
  private volatile boolean paused;
  private volatile long packetsSent;
  private volatile long sendErrors;
  private ScheduledFuture<?> task;

  CallMedia(List<RtpStream> streams) {
    this.streams = List.copyOf(streams);
  }

  void start(ScheduledExecutorService scheduler) {
    task = scheduler.scheduleAtFixedRate(this::tick, 0, PACKET_MICROS, TimeUnit.MICROSECONDS);
  }

  void pause(boolean paused) {
    this.paused = paused;
  }

  long packetsSent() {
    return packetsSent;
  }

  long sendErrors() {
    return sendErrors;
  }

  /** Runs on the scheduler thread only: the counters have a single writer. */
  private void tick() {
    boolean skip = paused;
    for (RtpStream stream : streams) {
      if (!stream.hasTarget()) {
        continue;
      }
      if (skip) {
        stream.skip();
        continue;
      }
      try {
        stream.sendNext();
        packetsSent++;
      } catch (IOException e) {
        sendErrors++; // e.g. ICMP port unreachable surfaced on the next send: count, go on
      }
    }
  }

  /** Stops sending; a tick already running finishes first. */
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  @Override
  public void close() {
    stop();
    streams.forEach(RtpStream::close);
  }
}
