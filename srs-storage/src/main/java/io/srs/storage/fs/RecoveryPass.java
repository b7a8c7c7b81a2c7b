package io.srs.storage.fs;

import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.RecordingIndex;
import io.srs.core.port.RecordingSummary;
import io.srs.core.session.RecordingId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up recovery pass (DESIGN.md "Crash safety"): every recording a dead process left in
 * flight (a directory without {@code metadata.json}) is finalised as {@link InFlightRecovery} says,
 * filed {@code incomplete} with end reason {@code recovered}, indexed, and reported as a {@code
 * recording.recovered} event. Idempotent: a recovered recording has its sidecar and is never
 * entered again. Never throws: a recording that cannot be recovered is logged and left as found,
 * and the rest go on. It runs before the SIP listener starts, so nothing writes beside it.
 */
public final class RecoveryPass {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryPass.class);

  /** A progress line every this many recoveries, for a vault with many. */
  static final int PROGRESS_EVERY = 100;

  /** One recording recovered. */
  public record Outcome(RecordingSummary summary, String location, List<String> problems) {}

  /**
   * What the pass did.
   *
   * @param scanned recording directories looked at
   * @param recovered recordings finalised by this pass
   * @param failed in-flight recordings that could not be finalised (logged; left as found)
   * @param took how long the pass ran
   */
  public record Report(int scanned, List<Outcome> recovered, int failed, Duration took) {
    public Report {
      recovered = List.copyOf(recovered);
    }
  }

  private final StorageSettings settings;
  private final InFlightRecovery recovery;
  private final RecordingEventListener listener;

  /**
   * @param recovery how one recording is finalised (metadata parser, field extractor, index)
   * @param listener receives one {@link RecordingEvent.Recovered} per recording
   */
  public RecoveryPass(
      StorageSettings settings, InFlightRecovery recovery, RecordingEventListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.recovery = Objects.requireNonNull(recovery, "recovery");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The index recovered recordings are added to. */
  public RecordingIndex index() {
    return recovery.index();
  }

  /** Runs the pass over {@code storage.path}. */
  public Report run() {
    long started = System.nanoTime();
    InFlightScanner.Scan scan;
    try {
      scan = InFlightScanner.scan(settings.root());
    } catch (IOException | RuntimeException e) {
      LOG.error("recovery: cannot scan {}: {}", settings.root(), e.toString());
      return new Report(0, List.of(), 0, Duration.ofNanos(System.nanoTime() - started));
    }
    if (scan.inFlight().isEmpty()) {
      LOG.info(
          "recovery: {} recording(s) under {}, none left in flight",
          scan.recordings(),
          settings.root());
      return new Report(
          scan.recordings(), List.of(), 0, Duration.ofNanos(System.nanoTime() - started));
    }
    LOG.warn(
        "recovery: {} of {} recording(s) under {} were left in flight by a process that stopped"
            + " without finalising them; finalising them as incomplete",
        scan.inFlight().size(),
        scan.recordings(),
        settings.root());
    List<Outcome> recovered = new ArrayList<>();
    int failed = 0;
    for (InFlightScanner.InFlight inFlight : scan.inFlight()) {
      try {
        Outcome outcome = recovery.recover(inFlight.id(), inFlight.directory());
        recovered.add(outcome);
        publish(outcome);
      } catch (IOException | RuntimeException e) {
        failed++;
        LOG.error(
            "recovery: {} could not be finalised; its files are left as found: {}",
            inFlight.directory(),
            e.toString());
      }
      int done = recovered.size() + failed;
      if (done % PROGRESS_EVERY == 0) {
        LOG.info("recovery: {} of {} done", done, scan.inFlight().size());
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "recovery: {} recording(s) recovered, {} failed, in {} ms",
        recovered.size(),
        failed,
        took.toMillis());
    return new Report(scan.recordings(), recovered, failed, took);
  }

  private void publish(Outcome outcome) {
    RecordingSummary summary = outcome.summary();
    RecordingId id = summary.id();
    try {
      listener.on(
          new RecordingEvent.Recovered(
              id,
              summary.callId(),
              outcome.location(),
              summary.duration(),
              summary.tracks().stream()
                  .map(
                      t ->
                          new RecordingEvent.TrackParties(
                              t.streamIndex(), t.label(), t.participants()))
                  .toList(),
              outcome.problems()));
    } catch (RuntimeException e) {
      LOG.warn("recovery: listener failed on {}: {}", id, e.toString());
    }
  }
}
