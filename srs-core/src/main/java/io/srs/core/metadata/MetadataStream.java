package io.srs.core.metadata;

/**
 * RFC 7865 §6.6 {@code stream}: ties a media stream (by its SDP {@code a=label}, RFC 4574) to a
 * communication session.
 *
 * @param id the {@code stream_id} attribute
 * @param sessionId the {@code session_id} attribute, or null
 * @param label the {@code label} child: opaque, matched exactly against {@code a=label}
 */
public record MetadataStream(String id, String sessionId, String label) {}
