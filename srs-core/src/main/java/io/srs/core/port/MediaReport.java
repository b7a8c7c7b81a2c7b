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
 */
public record MediaReport(
    Instant mediaStartedAt, Duration timelineLength, List<StreamStats> streams) {
  public MediaReport {
    streams = List.copyOf(streams);
  }
}
