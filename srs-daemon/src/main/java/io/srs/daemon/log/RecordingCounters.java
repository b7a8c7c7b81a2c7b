package io.srs.daemon.log;

import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEventListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts recording outcomes, among them the compliance team's "metadata match rate": the share of
 * completed recordings carrying every required normalised field. Lock-free; read at any time.
 */
public final class RecordingCounters implements RecordingEventListener {
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();

  @Override
  public void on(RecordingEvent event) {
    if (event instanceof RecordingEvent.Started) {
      started.incrementAndGet();
    } else if (event instanceof RecordingEvent.Completed done) {
      completed.incrementAndGet();
      if (done.metadataMatched()) {
        matched.incrementAndGet();
      }
    } else if (event instanceof RecordingEvent.Failed) {
      failed.incrementAndGet();
    }
  }

  public long started() {
    return started.get();
  }

  public long completed() {
    return completed.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Completed recordings that carried every required field. */
  public long metadataMatched() {
    return matched.get();
  }

  /** Matched over completed, 1.0 when nothing completed yet. */
  public double metadataMatchRate() {
    long done = completed.get();
    return done == 0 ? 1.0 : (double) matched.get() / done;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "started=%d completed=%d failed=%d metadataMatched=%d metadataMatchRate=%.3f",
        started(),
        completed(),
        failed(),
        metadataMatched(),
        metadataMatchRate());
  }
}
