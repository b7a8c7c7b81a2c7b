package io.srs.daemon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.srs.core.port.GapCause;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.RecordingEventListener;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns recording events into the KPIs (docs/operations.md "Metrics"): outcomes and the success
 * rate, the metadata match rate, SRS latency, refusals by reason, and the media side's packet and
 * silence counts, added up when each recording completes. Called on SIP and finaliser threads;
 * Micrometer's meters are lock-free, and every meter with a bounded label set is created up front.
 */
public final class MetricsListener implements RecordingEventListener {
  /**
   * SLO buckets for SRS latency (BYE to findable): the seed's target is seconds, finalisation
   * (fsync, SHA-256, sidecar, index) normally takes tens of milliseconds.
   */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter completed;
  private final Counter failed;
  private final Counter recovered;
  private final Counter matched;
  private final Counter unmatched;
  private final Timer latency;
  private final Counter packetsReceived;
  private final Counter packetsLost;
  private final Counter droppedLate;
  private final Counter droppedDuplicate;
  private final Counter droppedDiscarded;
  private final Counter droppedSrtpAuthFailed;
  private final Counter droppedSrtpReplayed;
  private final Map<GapCause, Counter> silence = new EnumMap<>(GapCause.class);

  public MetricsListener(MeterRegistry registry) {
    this.registry = registry;
    accepted =
        Counter.builder("srs.recordings.accepted")
            .description("Recordings started: answered and acknowledged")
            .register(registry);
    completed =
        Counter.builder("srs.recordings.completed")
            .description("Recordings finalised complete in the vault")
            .register(registry);
    failed =
        Counter.builder("srs.recordings.failed")
            .description("Recordings that could not be stored completely")
            .register(registry);
    recovered =
        Counter.builder("srs.recordings.recovered")
            .description(
                "Recordings left in flight by a stopped process, finalised incomplete by the"
                    + " start-up recovery pass")
            .register(registry);
    Gauge.builder("srs.recordings.success.ratio", this, MetricsListener::successRatio)
        .description("completed / (completed + failed); 1 before any outcome")
        .strongReference(true)
        .register(registry);
    matched =
        Counter.builder("srs.metadata.matched")
            .description("Completed recordings carrying every required normalised field")
            .register(registry);
    unmatched =
        Counter.builder("srs.metadata.unmatched")
            .description("Completed recordings missing a required normalised field")
            .register(registry);
    Gauge.builder("srs.metadata.match.ratio", this, MetricsListener::matchRatio)
        .description("matched / completed; 1 before any completion")
        .strongReference(true)
        .register(registry);
    latency =
        Timer.builder("srs.recording.latency")
            .description("SRS latency: from the end of the call (BYE) to the recording findable")
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry);
    packetsReceived =
        Counter.builder("srs.media.packets.received")
            .description("RTP packets accepted on recorded streams, at completion")
            .register(registry);
    packetsLost =
        Counter.builder("srs.media.packets.lost")
            .description("RTP packets expected by sequence number but never received")
            .register(registry);
    droppedLate = dropped("late");
    droppedDuplicate = dropped("duplicate");
    droppedDiscarded = dropped("discarded");
    droppedSrtpAuthFailed = dropped("srtp_auth_failed");
    droppedSrtpReplayed = dropped("srtp_replayed");
    for (GapCause cause : GapCause.values()) {
      silence.put(
          cause,
          Counter.builder("srs.media.silence")
              .baseUnit("seconds")
              .description("Silence written into tracks instead of received audio, by cause")
              .tag("cause", cause.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  private Counter dropped(String reason) {
    return Counter.builder("srs.media.packets.dropped")
        .description(
            "RTP packets dropped: late (after their place was written), duplicate, discarded"
                + " (not RTP, payload type not negotiated, other source), srtp_auth_failed (tag"
                + " did not verify: wrong key), srtp_replayed (replayed or too old)")
        .tag("reason", reason)
        .register(registry);
  }

  @Override
  public void on(RecordingEvent event) {
    if (event instanceof RecordingEvent.Started) {
      accepted.increment();
    } else if (event instanceof RecordingEvent.Completed done) {
      completed(done);
    } else if (event instanceof RecordingEvent.Failed) {
      failed.increment();
    } else if (event instanceof RecordingEvent.Recovered) {
      recovered.increment();
    } else if (event instanceof RecordingEvent.Rejected rejected) {
      // Bounded labels: a handful of statuses times the closed RejectReason set.
      Counter.builder("srs.calls.rejected")
          .description("Calls refused by the recorder, by SIP status and reason")
          .tag("status", Integer.toString(rejected.status()))
          .tag("reason", rejected.reason().label())
          .register(registry)
          .increment();
    }
  }

  private void completed(RecordingEvent.Completed done) {
    completed.increment();
    (done.metadataMatched() ? matched : unmatched).increment();
    if (done.srsLatency() != null) {
      latency.record(done.srsLatency());
    }
    for (StreamStats stats : done.streamStats()) {
      packetsReceived.increment(stats.packetsReceived());
      packetsLost.increment(stats.packetsLost());
      droppedLate.increment(stats.packetsLate());
      droppedDuplicate.increment(stats.packetsDuplicate());
      droppedDiscarded.increment(stats.packetsDiscarded());
      droppedSrtpAuthFailed.increment(stats.packetsAuthFailed());
      droppedSrtpReplayed.increment(stats.packetsReplayed());
    }
    for (StreamTimeline timeline : done.timelines()) {
      if (timeline.sampleRate() <= 0) {
        continue;
      }
      for (StreamTimeline.Gap gap : timeline.gaps()) {
        silence.get(gap.cause()).increment((double) gap.length() / timeline.sampleRate());
      }
    }
  }

  double successRatio() {
    double ok = completed.count();
    double outcomes = ok + failed.count();
    return outcomes == 0 ? 1.0 : ok / outcomes;
  }

  double matchRatio() {
    double done = completed.count();
    return done == 0 ? 1.0 : matched.count() / done;
  }
}
