package io.srs.core.metadata;

import java.time.Instant;
import java.util.List;

/**
 * RFC 7865 §6.3 {@code session}: a communication session (CS) being recorded.
 *
 * @param id the {@code session_id} attribute (the draft schema's {@code id})
 * @param sipSessionIds the {@code sipSessionID} children (RFC 7989 Session-IDs)
 * @param groupRef the {@code group-ref} child, or null
 * @param startTime the {@code start-time} child, or null when absent or unreadable
 * @param stopTime the {@code stop-time} child, or null
 */
public record MetadataSession(
    String id, List<String> sipSessionIds, String groupRef, Instant startTime, Instant stopTime) {
  public MetadataSession {
    sipSessionIds = List.copyOf(sipSessionIds);
  }

  /** A session without start and stop times. */
  public MetadataSession(String id, List<String> sipSessionIds, String groupRef) {
    this(id, sipSessionIds, groupRef, null, null);
  }
}
