package io.srs.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a closed media session saw.
 *
 * @param mediaStartedAt the timeline's origin: the first packet of any stream, or when the
 *     receivers opened if no packet ever came
 * @param timelineLength the common length of every track
 * @param streams per recorded stream, in m-line order
 * @param timelines per recorded stream, in m-line order: gaps, SSRC changes, DTMF
 */
public record MediaReport(
    Instant mediaStartedAt,
    Duration timelineLength,
    List<StreamStats> streams,
    List<StreamTimeline> timelines) {
  public MediaReport {
    streams = List.copyOf(streams);
    timelines = List.copyOf(timelines);
  }

  /** A report without per-stream timelines. */
  public MediaReport(Instant mediaStartedAt, Duration timelineLength, List<StreamStats> streams) {
    this(mediaStartedAt, timelineLength, streams, List.of());
  }
}
