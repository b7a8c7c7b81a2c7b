package io.srs.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.srs.core.port.GapCause;
import io.srs.core.port.RecordingEvent;
import io.srs.core.port.StreamStats;
import io.srs.core.port.StreamTimeline;
import io.srs.core.session.EndReason;
import io.srs.core.session.RecordingId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {
  private static final RecordingId ID = new RecordingId("20261125T185046Z-0123456789abcdef");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsListener metrics = new MetricsListener(registry);

  private static RecordingEvent.Completed completed(
      List<String> missing, Duration latency, List<StreamStats> stats, List<StreamTimeline> tl) {
    return new RecordingEvent.Completed(
        ID,
        "c1",
        "/rec",
        Duration.ofSeconds(10),
        EndReason.BYE,
        List.of(),
        Map.of(),
        missing,
        List.of(),
        latency,
        stats,
        tl);
  }

  private String scrape() {
    return registry.scrape();
  }

  @Test
  void outcomesCountAndTheSuccessRatioFollows() {
    metrics.on(new RecordingEvent.Started(ID, "c1", "/rec", List.of()));
    metrics.on(completed(List.of(), null, List.of(), List.of()));
    metrics.on(completed(List.of(), null, List.of(), List.of()));
    metrics.on(completed(List.of(), null, List.of(), List.of()));
    metrics.on(new RecordingEvent.Failed(ID, "c1", "/rec", "disk full"));

    assertThat(scrape())
        .contains("srs_recordings_accepted_total 1.0")
        .contains("srs_recordings_completed_total 3.0")
        .contains("srs_recordings_failed_total 1.0")
        .contains("srs_recordings_success_ratio 0.75");
  }

  @Test
  void recoveredRecordingsCountApartFromTheCallsOfThisProcess() {
    metrics.on(
        new RecordingEvent.Recovered(
            ID, "c1", "/rec", Duration.ofSeconds(3), List.of(), List.of()));

    assertThat(scrape())
        .contains("srs_recordings_recovered_total 1.0")
        .contains("srs_recordings_completed_total 0.0")
        .contains("srs_recordings_success_ratio 1.0");
  }

  @Test
  void beforeAnyOutcomeTheRatiosAreOne() {
    assertThat(scrape())
        .contains("srs_recordings_success_ratio 1.0")
        .contains("srs_metadata_match_ratio 1.0");
  }

  @Test
  void metadataMatchesAndMismatchesCountAndTheMatchRatioFollows() {
    metrics.on(completed(List.of(), null, List.of(), List.of()));
    metrics.on(completed(List.of("agentId"), null, List.of(), List.of()));

    assertThat(scrape())
        .contains("srs_metadata_matched_total 1.0")
        .contains("srs_metadata_unmatched_total 1.0")
        .contains("srs_metadata_match_ratio 0.5");
  }

  @Test
  void srsLatencyLandsInItsSloBucket() {
    metrics.on(completed(List.of(), Duration.ofMillis(80), List.of(), List.of()));

    assertThat(scrape())
        .contains("srs_recording_latency_seconds_bucket{le=\"0.05\"} 0")
        .contains("srs_recording_latency_seconds_bucket{le=\"0.1\"} 1")
        .contains("srs_recording_latency_seconds_count 1");
  }

  @Test
  void mediaCountsAddUpOverTheStreamsOfACompletedRecording() {
    StreamStats caller =
        new StreamStats(0, 500, 510, 10, 2, 3, 4, 80_000, 1_600, 1, 0, Instant.EPOCH, 0, 0);
    StreamStats agent =
        new StreamStats(1, 100, 100, 0, 0, 1, 0, 80_000, 0, 2, 0, Instant.EPOCH, 7, 5);
    StreamTimeline gaps =
        new StreamTimeline(
            0,
            8000,
            List.of(
                new StreamTimeline.Gap(0, 8000, GapCause.LOSS),
                new StreamTimeline.Gap(16000, 4000, GapCause.PAUSE)),
            List.of(),
            List.of(),
            List.of());

    metrics.on(completed(List.of(), null, List.of(caller, agent), List.of(gaps)));

    assertThat(scrape())
        .contains("srs_media_packets_received_total 600.0")
        .contains("srs_media_packets_lost_total 10.0")
        .contains("srs_media_packets_dropped_total{reason=\"late\"} 2.0")
        .contains("srs_media_packets_dropped_total{reason=\"duplicate\"} 4.0")
        .contains("srs_media_packets_dropped_total{reason=\"discarded\"} 4.0")
        .contains("srs_media_packets_dropped_total{reason=\"srtp_auth_failed\"} 7.0")
        .contains("srs_media_packets_dropped_total{reason=\"srtp_replayed\"} 5.0")
        .contains("srs_media_silence_seconds_total{cause=\"loss\"} 1.0")
        .contains("srs_media_silence_seconds_total{cause=\"pause\"} 0.5")
        .contains("srs_media_silence_seconds_total{cause=\"dtx\"} 0.0");
  }

  @Test
  void refusalsCountByStatusAndReason() {
    metrics.on(
        new RecordingEvent.Rejected("c1", 503, RecordingEvent.RejectReason.AT_CAPACITY, "full"));
    metrics.on(
        new RecordingEvent.Rejected("c2", 503, RecordingEvent.RejectReason.AT_CAPACITY, "full"));
    metrics.on(
        new RecordingEvent.Rejected(
            "c3", 488, RecordingEvent.RejectReason.NO_RECORDABLE_MEDIA, "no codec"));

    assertThat(scrape())
        .contains("srs_calls_rejected_total{reason=\"at-capacity\",status=\"503\"} 2.0")
        .contains("srs_calls_rejected_total{reason=\"no-recordable-media\",status=\"488\"} 1.0");
  }
}
