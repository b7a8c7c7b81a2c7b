package io.srs.core.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission: how many recording sessions hold a slot (finalising included), bounded by {@link
 * RecordingCoordinator.Limits#maxSessions()}, and the drain that completes when the last slot is
 * given back. Lock-free: offers race on SIP offer threads, releases on finaliser threads.
 */
final class SessionSlots {
  private final int max;
  private final AtomicInteger reserved = new AtomicInteger();
  private final CompletableFuture<Void> idle = new CompletableFuture<>();
  private volatile boolean draining;

  SessionSlots(int max) {
    this.max = max;
  }

  /** Takes a slot; false when all are taken. */
  boolean reserve() {
    while (true) {
      int now = reserved.get();
      if (now >= max) {
        return false;
      }
      if (reserved.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /**
   * Gives back a slot; the last one given back while draining completes {@link #drain()}. The drain
   * flag is written before the count is read there, and the count before the flag here, so
   * whichever runs second sees the other's write.
   */
  void release() {
    if (reserved.decrementAndGet() == 0 && draining) {
      idle.complete(null);
    }
  }

  /** Stops admitting; the future completes once no slot is held. */
  CompletableFuture<Void> drain() {
    draining = true;
    if (reserved.get() == 0) {
      idle.complete(null);
    }
    return idle;
  }

  boolean draining() {
    return draining;
  }

  boolean admitting() {
    return !draining && reserved.get() < max;
  }

  int reserved() {
    return reserved.get();
  }
}
