package io.srs.core.port;

import io.srs.core.session.RecordingId;
import java.time.Instant;
import java.util.Map;

/**
 * One row of the index.
 *
 * @param location where the recording lies (directory or object-store prefix)
 * @param status {@code complete} or {@code incomplete}, as in the sidecar
 * @param fields the normalised fields
 */
public record IndexedRecording(
    RecordingId id,
    String callId,
    String groupId,
    Instant startedAt,
    Instant endedAt,
    long durationMs,
    String endReason,
    String location,
    String status,
    boolean metadataMatched,
    Map<String, String> fields) {
  public IndexedRecording {
    fields = Map.copyOf(fields);
  }
}
