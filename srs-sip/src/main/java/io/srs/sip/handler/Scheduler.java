package io.srs.sip.handler;

import java.time.Duration;

/** Runs a task later. Injected so that tests control time (STYLE.md rule 10). */
@FunctionalInterface
public interface Scheduler {

  /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
  Cancel schedule(Duration delay, Runnable task);

  /** Cancels one scheduled task; cancelling twice, or after it ran, does nothing. */
  @FunctionalInterface
  interface Cancel {
    Cancel NONE = () -> {};

    void cancel();
  }
}
