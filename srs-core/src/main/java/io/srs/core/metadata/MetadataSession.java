package io.srs.core.metadata;

import java.util.List;

/**
 * RFC 7865 §6.3 {@code session}: a communication session (CS) being recorded.
 *
 * @param id the {@code session_id} attribute
 * @param sipSessionIds the {@code sipSessionID} children (RFC 7989 Session-IDs)
 * @param groupRef the {@code group-ref} child, or null
 */
public record MetadataSession(String id, List<String> sipSessionIds, String groupRef) {
  public MetadataSession {
    sipSessionIds = List.copyOf(sipSessionIds);
  }
}
