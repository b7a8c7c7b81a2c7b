package io.srs.core.metadata;

import java.time.Instant;

/**
 * RFC 7865 §6.2 {@code group}: links communication sessions that belong together (a call and its
 * transfer legs, recorded as separate recording sessions).
 *
 * @param id the {@code group_id} attribute (the draft schema's {@code id}), kept as sent
 * @param associateTime the {@code associate-time} child, or null when absent or unreadable
 * @param disassociateTime the {@code disassociate-time} child, or null
 */
public record MetadataGroup(String id, Instant associateTime, Instant disassociateTime) {}
