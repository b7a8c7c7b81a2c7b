package io.srs.sip.handler;

import java.time.Duration;

/** Runs a task later. Injected so that tests control time (STYLE.md rule 10). */
@FunctionalInterface
public interface Scheduler {

  void schedule(Duration delay, Runnable task);
}
